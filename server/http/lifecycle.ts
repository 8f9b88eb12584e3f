import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { MiddlewareHandler } from 'hono'

// How long a closing connection keeps reading what the client is still sending.
const LINGER_MS = 2000

/**
 * Node ends a `Connection: close` socket by destroying it as soon as the response is flushed. With
 * request bytes still arriving, the kernel then answers with a reset, which can make the client
 * lose the response it was sent. Instead: send FIN, keep reading (and discarding) until the
 * client closes its side, and destroy only after a short grace period.
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = () => {
    if (socket.destroyed) return
    socket.end()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  }
}

/**
 * A response made before the request body was read (401, 413, 415...) closes the connection:
 * the unread rest of the body would otherwise be taken for the next request, so the server
 * drops the socket a moment later, and a keep-alive client that reuses it gets ECONNRESET.
 * `Connection: close` tells the client not to reuse it; the socket is then closed gracefully.
 */
export const closeWhenBodyUnread: MiddlewareHandler = async (c, next) => {
  await next()
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (incoming && !incoming.complete) {
    c.res.headers.set('Connection', 'close')
    lingerOnClose(incoming.socket as Socket)
  }
}
