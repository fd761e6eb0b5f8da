/** Spanish strings (t("webhooks.…")). */
import type en from "./webhooks.en";

const webhooks: typeof en = {
  title: "Webhooks",
  nav: "Webhooks",
  pageTitle: "Webhooks de {{organization}}",
  intro:
    "Un webhook avisa a su propio sistema, en segundos, cuando cambia el estado de una derivación que su organización envió o recibió. Cada llamada va firmada y solo lleva identificadores, estados y fechas: nunca datos de un cliente.",
  register: "Añadir un webhook",
  url: "URL",
  urlHint: "Una dirección https:// de su sistema que acepte solicitudes POST.",
  description: "Descripción",
  descriptionHint: "Qué recibe estos avisos, p. ej. «Sistema de gestión de casos».",
  registering: "Añadiendo…",
  secretOnce: "Webhook añadido. Copie ahora su secreto de firma: no se volverá a mostrar.",
  secretHelp:
    "Compruebe cada llamada: calcule HMAC-SHA256 con este secreto sobre la cabecera X-Hub-Timestamp, un punto y el cuerpo sin modificar, y compárelo con X-Hub-Signature-256 (sha256=…). Rechace las llamadas con una marca de tiempo de más de 5 minutos y use X-Hub-Delivery para ignorar repeticiones.",
  active: "Webhooks activos",
  none: "Todavía no hay webhooks.",
  added: "Añadido el {{date}}",
  recent: "Envíos recientes",
  noDeliveries: "Todavía no se ha enviado nada.",
  event: "Evento",
  state: "Estado",
  attempts: "Intentos",
  lastCode: "Última respuesta",
  when: "En cola",
  nextAttempt: "próximo intento {{date}}",
  states: { pending: "En espera", retrying: "Reintentando", delivered: "Entregado", failed: "Fallido" },
  sendTest: "Enviar un evento de prueba",
  sendingTest: "Enviando…",
  testQueued: "Un evento de prueba está en camino. Recargue en unos segundos para ver el resultado.",
  revoke: "Revocar",
  revokeConfirm: "¿Revocar el webhook a {{url}}? No recibirá nada más, tampoco las llamadas pendientes de reintento.",
  revoked: "El webhook se revocó.",
  errors: {
    "private-address": "Rechazado: la dirección está en una red privada",
    timeout: "Sin respuesta a tiempo",
    revoked: "No enviado: el webhook se revocó",
  },
};

export default webhooks;
