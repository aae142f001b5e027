// ApiVersions (key 18), versions 0-2. The request body is empty at these versions; v1 added
// throttleTimeMs at the end of the response. (v3+ is flexible and not served: see README.)
import { array, int16, int32, struct, withDefaults, type Infer } from '../codec';

export const ApiVersionsRequestV0 = struct({});
export type ApiVersionsRequest = Infer<typeof ApiVersionsRequestV0>;

const ApiVersion = struct({ apiKey: int16, minVersion: int16, maxVersion: int16 });
export type ApiVersion = Infer<typeof ApiVersion>;

export const ApiVersionsResponseV1 = struct({
  errorCode: int16,
  apiKeys: array(ApiVersion),
  throttleTimeMs: int32,
});
export type ApiVersionsResponse = Infer<typeof ApiVersionsResponseV1>;

export const ApiVersionsResponseV0 = withDefaults(
  struct({ errorCode: int16, apiKeys: array(ApiVersion) }),
  { throttleTimeMs: 0 },
);
