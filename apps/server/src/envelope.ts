import { describeIssues, type ErrorReason, type IssueDetail } from '@tablebook/api';

/** The seed's response shape, kept for every REST response. */
export interface SuccessEnvelope<T = unknown> {
  status: 'success';
  message: string;
  data: T;
}

export interface ErrorEnvelopeData {
  reason: ErrorReason | string;
  requestId: string;
  issues?: IssueDetail[];
}

export interface ErrorEnvelope {
  status: 'error';
  message: string;
  data: ErrorEnvelopeData;
}

export const success = <T>(message: string, data: T): SuccessEnvelope<T> => ({ status: 'success', message, data });

/** The success envelope around a body that is already JSON text (empty text means null), same keys and order as `success`. */
export const successEnvelopeJson = (message: string, json: string): string =>
  `{"status":"success","message":${JSON.stringify(message)},"data":${json.length > 0 ? json : 'null'}}`;

export function failure(message: string, data: ErrorEnvelopeData): ErrorEnvelope {
  return { status: 'error', message, data: data.issues ? data : { reason: data.reason, requestId: data.requestId } };
}

/** What the REST bridge sends on failure: the tRPC error shape from the api's error formatter. */
interface BridgeErrorBody {
  message?: unknown;
  data?: { reason?: unknown; issues?: unknown };
}

/** Builds the error envelope from the bridge's error body, keeping the api's precise message. */
export function envelopeFromBridgeError(body: BridgeErrorBody, requestId: string): ErrorEnvelope {
  const reason = typeof body.data?.reason === 'string' ? body.data.reason : 'INTERNAL_ERROR';
  const issues = Array.isArray(body.data?.issues) ? (body.data.issues as IssueDetail[]) : undefined;
  // The bridge replaces a validation error's message with a generic one; rebuild it from the issues.
  const message =
    reason === 'INVALID_INPUT' && issues
      ? describeIssues(issues)
      : typeof body.message === 'string'
        ? body.message
        : 'Request failed';
  return failure(message, { reason, requestId, ...(issues ? { issues } : {}) });
}
