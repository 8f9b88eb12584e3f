import { describe, expect, it } from 'vitest'
import { losesLastOperator } from './operator-guard'
import { makeAuth, read, write } from './test-fixtures'

const operatorPermissions = ['authorizations', 'buckets', 'orgs'].flatMap((type) => [read({ type }), write({ type })])
const op1 = makeAuth({ id: '0000000000000001', permissions: operatorPermissions })
const op2 = makeAuth({ id: '0000000000000002', permissions: operatorPermissions })
const op2Inactive = { ...op2, status: 'inactive' as const }
const reader = makeAuth({ id: '0000000000000003' })

describe('losesLastOperator', () => {
  it('is true when the only active operator token is a target', () => {
    expect(losesLastOperator([op1, reader], [op1])).toBe(true)
    expect(losesLastOperator([op1, op2Inactive, reader], [op1])).toBe(true)
  })
  it('is true when every active operator token is among the targets', () => {
    expect(losesLastOperator([op1, op2, reader], [op1, op2, reader])).toBe(true)
  })
  it('is false while another active operator token remains', () => {
    expect(losesLastOperator([op1, op2], [op1])).toBe(false)
  })
  it('is false when no active operator token is a target', () => {
    expect(losesLastOperator([op1, reader], [reader])).toBe(false)
    expect(losesLastOperator([op1, op2Inactive], [op2Inactive])).toBe(false)
  })
})
