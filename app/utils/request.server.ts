/** Who sent a request, as the audit trail records it (plumbing: the audit module imports it from here, never the reverse). */
export type RequestMeta = { ipAddress?: string | null; userAgent?: string | null; requestId?: string | null };

/** Set by server/index.ts from the socket address (incoming values are overwritten there). */
export const CLIENT_IP_HEADER = "x-hub-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

export function requestMeta(request: Request): RequestMeta {
  return {
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
    requestId: request.headers.get(REQUEST_ID_HEADER),
  };
}
