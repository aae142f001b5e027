// What the bridge does with one request: answer it itself (a form the engine does not serve, a
// request Kafka would refuse before any state is read), or hand the engine a request and build
// the wire response from its answer.
import type { ExternalRequest } from '../engine';

export type BridgePlan<Response> =
  { refuse: Response } | { request: ExternalRequest; respond(answer: unknown): Response };
