import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

/**
 * An agent for `z.request` (node-fetch 2) that notices an answer cut off mid-body. node-fetch 2
 * notices a closed connection only on chunked answers: with a Content-Length it waits for bytes
 * that never come, until the request's whole timeout (25 s in Zapier) has passed, and then calls
 * it a timeout. Here, when a socket closes while its answer is incomplete, the request fails at
 * once as a reset connection, which node-fetch passes on to the body being read.
 */
export function cutBodyAwareAgent(url: URL): http.Agent {
  const agent = url.protocol === 'http:' ? new http.Agent() : new https.Agent();
  const create = agent.createConnection.bind(agent) as (options: object, callback?: unknown) => Duplex | undefined;
  agent.createConnection = ((options: object, callback?: unknown) => {
    const socket = create(options, callback);
    socket?.once('close', () => failIncompleteAnswer(socket));
    return socket;
  }) as typeof agent.createConnection;
  return agent;
}

function failIncompleteAnswer(socket: Duplex): void {
  const request = (socket as Duplex & { _httpMessage?: http.ClientRequest | null })._httpMessage;
  const response = (request as (http.ClientRequest & { res?: http.IncomingMessage }) | null | undefined)?.res;
  if (request && response && !response.complete) {
    // The socket is gone, so destroy() would emit nothing: node-fetch listens for the request's 'error'.
    request.emit('error', Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }));
  }
}
