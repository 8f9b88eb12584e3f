import { describe, expect, it } from 'vitest'
import { parseJsonOrUndefined } from './json'

describe('parseJsonOrUndefined', () => {
  it('reads JSON as JSON.parse does', () => {
    expect(parseJsonOrUndefined('{"a":[1,null,"x"]}')).toEqual({ a: [1, null, 'x'] })
    expect(parseJsonOrUndefined('null')).toBeNull()
  })

  it('answers undefined for text that is not JSON', () => {
    expect(parseJsonOrUndefined('{"a":')).toBeUndefined()
    expect(parseJsonOrUndefined('')).toBeUndefined()
  })
})
