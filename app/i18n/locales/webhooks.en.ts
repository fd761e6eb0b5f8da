/** English strings (t("webhooks.…")). */
const webhooks = {
  title: "Web hooks",
  nav: "Web hooks",
  pageTitle: "Web hooks for {{organization}}",
  intro:
    "A web hook tells your own system, within seconds, when a referral your organization sent or received changes status. Each call is signed and carries only ids, statuses and times: never a client's details.",
  register: "Add a web hook",
  url: "URL",
  urlHint: "An https:// address of your system that accepts POST requests.",
  description: "Description",
  descriptionHint: "What receives these notifications, e.g. “Case management system”.",
  registering: "Adding…",
  secretOnce: "Web hook added. Copy its signing secret now: it will not be shown again.",
  secretHelp:
    "Check each call: compute HMAC-SHA256 with this secret over the X-Hub-Timestamp header, a dot and the raw body, and compare it with X-Hub-Signature-256 (sha256=…). Refuse calls whose timestamp is more than 5 minutes old, and use X-Hub-Delivery to ignore repeats.",
  active: "Active web hooks",
  none: "No web hooks yet.",
  added: "Added {{date}}",
  recent: "Recent deliveries",
  noDeliveries: "Nothing sent yet.",
  event: "Event",
  state: "Status",
  attempts: "Attempts",
  lastCode: "Last answer",
  when: "Queued",
  nextAttempt: "next try {{date}}",
  states: { pending: "Waiting", retrying: "Retrying", delivered: "Delivered", failed: "Failed" },
  sendTest: "Send a test event",
  sendingTest: "Sending…",
  testQueued: "A test event is on its way. Reload in a few seconds to see how it went.",
  revoke: "Revoke",
  revokeConfirm: "Revoke the web hook to {{url}}? It will receive nothing more, including calls still waiting to be retried.",
  revoked: "The web hook was revoked.",
  errors: {
    "private-address": "Refused: the address is on a private network",
    timeout: "No answer in time",
    revoked: "Not sent: the web hook was revoked",
  },
};

export default webhooks;
