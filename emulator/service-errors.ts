import type { AuthFailure } from './auth';
import { ApiError } from './errors';
import type { Service } from './faults';
import type { EmulatorResponse } from './http-types';
import { logsError } from './logs-handler';
import { IAM_NS, queryError, STS_NS } from './query-protocol';
import { s3Error } from './s3-xml';

// Each service's answer to a request it refuses before doing anything: unsigned, malformed, bad or expired
// temporary credentials, or a fault injected by the admin endpoint.

export function errorResponse(service: Service, err: ApiError, head = false): EmulatorResponse {
  if (service === 'logs') return logsError(err);
  if (service === 'sts') return queryError(STS_NS, err.code, err.message, err.status);
  if (service === 'iam') return queryError(IAM_NS, err.code, err.message, err.status);
  return s3Error(err, head);
}

const TOKEN_INVALID = 'The security token included in the request is invalid.';
const TOKEN_EXPIRED = 'The security token included in the request is expired';

function authApiError(service: Service, kind: 'missing' | 'malformed' | AuthFailure): ApiError {
  const query = service === 'sts' || service === 'iam';
  switch (kind) {
    case 'missing':
      if (service === 'logs')
        return new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token');
      if (query)
        return new ApiError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      return new ApiError('AccessDenied', 'Access Denied', 403);
    case 'malformed':
      if (service === 'logs' || query) {
        return new ApiError(
          service === 'logs' ? 'IncompleteSignatureException' : 'IncompleteSignature',
          "Authorization header requires 'Credential' parameter.",
        );
      }
      return new ApiError('AuthorizationHeaderMalformed', 'The authorization header is malformed.', 400);
    case 'expiredToken':
      if (service === 'logs') return new ApiError('ExpiredTokenException', TOKEN_EXPIRED);
      if (query) return new ApiError('ExpiredToken', TOKEN_EXPIRED, 403);
      return new ApiError('ExpiredToken', 'The provided token has expired.', 400);
    case 'unknownKey':
    case 'invalidToken':
      if (service === 'logs') return new ApiError('UnrecognizedClientException', TOKEN_INVALID);
      if (query) return new ApiError('InvalidClientTokenId', TOKEN_INVALID, 403);
      return kind === 'unknownKey'
        ? new ApiError(
            'InvalidAccessKeyId',
            'The AWS Access Key Id you provided does not exist in our records.',
            403,
          )
        : new ApiError('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);
  }
}

export function authError(
  service: Service,
  kind: 'missing' | 'malformed' | AuthFailure,
  head = false,
): EmulatorResponse {
  return errorResponse(service, authApiError(service, kind), head);
}
