// SaslHandshake (key 17), versions 0-1 (identical layouts). The simulated listeners are PLAINTEXT,
// so the handshake is refused the way Kafka refuses it there (see refuseSaslHandshake).
import { array, int16, string, struct, type Infer } from '../codec';

export const SaslHandshakeRequestV0 = struct({ mechanism: string });
export type SaslHandshakeRequest = Infer<typeof SaslHandshakeRequestV0>;

export const SaslHandshakeResponseV0 = struct({ errorCode: int16, mechanisms: array(string) });
export type SaslHandshakeResponse = Infer<typeof SaslHandshakeResponseV0>;
