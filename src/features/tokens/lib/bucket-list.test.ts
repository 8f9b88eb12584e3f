import { describe, expect, it } from 'vitest'
import type { Bucket } from '@/api/contract'
import { filterBuckets, selectShown, sortBucketsForPicker } from './bucket-list'

const bucket = (id: string, name: string, type: Bucket['type'] = 'user'): Bucket => ({ id, name, type, orgID: 'o', retentionRules: [] })
const all = [bucket('1', 'telemetry'), bucket('2', '_tasks', 'system'), bucket('3', 'Billing'), bucket('4', 'app10'), bucket('5', 'app9'), bucket('6', '_monitoring', 'system')]

describe('sortBucketsForPicker', () => {
  it('sorts by name case-insensitively and numerically, system buckets last', () => {
    expect(sortBucketsForPicker(all).map((b) => b.name)).toEqual(['app9', 'app10', 'Billing', 'telemetry', '_monitoring', '_tasks'])
  })

  it('does not mutate its input', () => {
    const input = [...all]
    sortBucketsForPicker(input)
    expect(input).toEqual(all)
  })
})

describe('filterBuckets', () => {
  it('matches a case-insensitive substring of the name', () => {
    expect(filterBuckets(all, ' APP').map((b) => b.id)).toEqual(['4', '5'])
  })
  it('keeps everything for an empty query', () => {
    expect(filterBuckets(all, '  ')).toBe(all)
  })
})

describe('selectShown', () => {
  it('adds only the shown buckets and keeps earlier choices', () => {
    expect(selectShown(['1'], [bucket('4', 'app10'), bucket('5', 'app9')], true)).toEqual(['1', '4', '5'])
  })
  it('does not duplicate buckets that were already selected', () => {
    expect(selectShown(['4', '1'], [bucket('4', 'app10')], true)).toEqual(['1', '4'])
  })
  it('removes only the shown buckets', () => {
    expect(selectShown(['1', '4', '5'], [bucket('4', 'app10')], false)).toEqual(['1', '5'])
  })
})
