import { type Agent, type IncomingHttpHeaders, request } from 'node:http'

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface HttpOptions {
  method?: string
  headers?: Record<string, string>
  /** Written in one go; an array is written chunk by chunk (chunked transfer encoding). */
  body?: string | Buffer | Buffer[]
  agent?: Agent
  localAddress?: string
}

/** One request over real TCP with node:http, as a browser-less client would send it. */
export function httpRequest(url: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent, localAddress: options.localAddress },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    const body = options.body
    const send = () => {
      if (Array.isArray(body)) {
        for (const chunk of body) req.write(chunk)
        req.end()
      } else {
        req.end(body)
      }
    }
    // As curl does for uploads over 1 MiB: the body only once the server said 100 Continue.
    if (options.headers?.expect === '100-continue') req.once('continue', send)
    else send()
  })
}
