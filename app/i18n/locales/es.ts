/** Español (Latinoamérica / EE. UU.): completo. Las claves se agrupan por pantalla. */
import type { Translation } from "./en";
import directory from "./map.es";

import consent from "./consent.es";

import conference from "./conference.es";

import aims from "./aims.es";
import partnership from "./partnership.es";

import referral from "./referral.es";

import referralFlow from "./referral-flow.es";

import webhooks from "./webhooks.es";


const es: Translation = {
  app: { name: "Coalition Hub", tagline: "Socios que trabajan juntos en las necesidades sociales que influyen en la salud" },
  a11y: { skipToContent: "Saltar al contenido principal", mainNavigation: "Navegación principal", userMenu: "Su cuenta" },
  nav: {
    home: "Inicio",
    map: "Mapa",
    referrals: "Derivaciones",
    clients: "Clientes",
    conferences: "Conferencias",
    aims: "Objetivos",
    partners: "Socios",
    people: "Personas",
    coalitionSettings: "Configuración de la coalición",
    apiKeys: "Claves de API",
  },
  header: {
    signedInAs: "Sesión iniciada como {{name}}",
    organization: "Organización",
    switchOrganization: "Cambiar de organización",
    switch: "Cambiar",
    signOut: "Cerrar sesión",
    language: "Idioma",
    change: "Cambiar",
    convener: "Convocante",
  },
  roles: { DIRECTOR: "Director(a)", CARE_MANAGER: "Coordinador(a) de atención", STAFF: "Personal", VIEWER: "Observador(a)", CONVENER: "Convocante de la coalición" },
  login: {
    title: "Iniciar sesión",
    intro: "Inicie sesión con la dirección de correo electrónico con la que su organización lo invitó.",
    email: "Correo electrónico",
    password: "Contraseña",
    submit: "Iniciar sesión",
    submitting: "Iniciando sesión…",
    demoHint: "¿Quiere probar la demostración? Use convener@demo.test con la contraseña coalition-demo.",
    signedOut: "Ha cerrado la sesión.",
  },
  home: {
    title: "Bienvenido(a), {{name}}",
    subtitle: "{{organization}} en {{coalition}}",
    noCoalition: "Su organización todavía no es miembro de ninguna coalición.",
    vision: "Nuestra visión compartida",
    yourRole: "Su función",
    quickLinks: "Por dónde empezar",
    partnersCount_one: "{{count}} organización socia",
    partnersCount_other: "{{count}} organizaciones socias",
    peopleCount_one: "{{count}} persona en su organización",
    peopleCount_other: "{{count}} personas en su organización",
    noOrganization: "No es miembro de ninguna organización. Pida a un(a) director(a) que lo invite.",
  },
  comingSoon: {
    badge: "Próximamente",
    map: { title: "Mapa de recursos comunitarios", body: "Todos los socios, programas y recursos informales en un mapa, etiquetados según las necesidades sociales que atienden, para que pueda encontrar ayuda cerca de un cliente y ver dónde hace falta." },
    referrals: { title: "Derivaciones de circuito cerrado", body: "Envíe una derivación por necesidades sociales a un socio y vea cómo se acepta, se atiende y se cierra, con el resultado informado de vuelta." },
    clients: { title: "Clientes y consentimiento", body: "Registre clientes y documente sus autorizaciones para compartir información. El sistema rechazará toda divulgación que el consentimiento no cubra." },
    conferences: { title: "Conferencias de casos anonimizados", body: "Resuelvan problemas juntos y en vivo a partir de casos anonimizados, con los datos identificadores detectados antes de compartir cualquier cosa." },
    aims: { title: "Objetivos y medidas compartidos", body: "Fije objetivos que indiquen cuánto y para cuándo, y deles seguimiento en gráficos de serie temporal que toda la coalición pueda ver." },
    meanwhile: "Mientras tanto, puede",
    seePartners: "ver los socios de la coalición",
  },
  partners: {
    title: "Socios",
    intro: "Organizaciones que son miembros de {{coalition}}.",
    empty: "Todavía no hay organizaciones socias.",
    kind: "Tipo",
    contact: "Contacto",
    joined: "Se unió el {{date}}",
    you: "Su organización",
  },
  kinds: {
    HOSPITAL: "Hospital", FQHC: "Centro de salud comunitario (FQHC)", PRIMARY_CARE: "Consultorio de atención primaria", FOOD_BANK: "Banco de alimentos",
    HOUSING_AUTHORITY: "Autoridad de vivienda", LEGAL_AID: "Asistencia legal", FAITH_CONGREGATION: "Congregación religiosa", YMCA: "YMCA",
    BEHAVIORAL_HEALTH: "Salud mental y conductual", TRANSPORTATION: "Transporte", UTILITY_ASSISTANCE: "Asistencia con servicios públicos",
    SENIOR_SERVICES: "Servicios para personas mayores", NEIGHBORHOOD_GROUP: "Grupo vecinal", PUBLIC_HEALTH: "Salud pública",
    SOCIAL_SERVICES: "Servicios sociales", EDUCATION: "Educación", COMMUNITY_BASED_ORGANIZATION: "Organización comunitaria",
    COALITION_BACKBONE: "Organización coordinadora de la coalición", OTHER: "Otro",
  },
  people: {
    title: "Personas en {{organization}}",
    members: "Miembros",
    name: "Nombre",
    email: "Correo electrónico",
    role: "Función",
    since: "Desde",
    inviteTitle: "Invitar a alguien",
    inviteIntro: "Recibirá un enlace para crear su contraseña y unirse a {{organization}}.",
    inviteSubmit: "Enviar invitación",
    inviteSending: "Enviando…",
    inviteSent: "Se creó la invitación para {{email}}. Aquí no hay servidor de correo: comparta este enlace con esa persona.",
    copyLink: "Copiar enlace",
    copied: "Copiado",
    pending: "Invitaciones pendientes",
    noPending: "No hay invitaciones pendientes.",
    expires: "Vence el {{date}}",
    invitedBy: "Invitado(a) por {{name}}",
    revoke: "Revocar",
    revokeConfirm: "¿Revocar la invitación para {{email}}? El enlace dejará de funcionar.",
    revoked: "Invitación revocada.",
    chooseRole: "Elija una función",
  },
  invite: {
    title: "Únase a {{organization}}",
    intro: "{{inviter}} invitó a {{email}} a unirse a {{organization}} en Coalition Hub con la función de {{role}}.",
    name: "Su nombre",
    password: "Elija una contraseña",
    passwordHint: "Al menos 10 caracteres.",
    confirmPassword: "Repita la contraseña",
    submit: "Unirse",
    submitting: "Uniéndose…",
    invalid: "Este enlace de invitación ya no es válido",
    invalidBody: "Es posible que haya vencido, que ya se haya usado o que se haya reemplazado por uno más reciente. Pida un enlace nuevo a la persona que lo invitó.",
    hasAccount: "Ya tiene una cuenta como {{email}}.",
    signInToAccept: "Inicie sesión para aceptar",
    join: "Unirse a {{organization}}",
  },
  coalition: {
    title: "Configuración de la coalición",
    details: "Nombre y visión",
    name: "Nombre de la coalición",
    vision: "Declaración de visión",
    visionHint: "Una o dos oraciones acordadas por los socios: cómo será la comunidad.",
    save: "Guardar",
    saving: "Guardando…",
    saved: "Guardado.",
    members: "Organizaciones miembro",
    addOrganization: "Agregar una organización",
    organizationName: "Nombre de la organización",
    kind: "Tipo",
    chooseKind: "Elija un tipo",
    email: "Correo electrónico (opcional)",
    phone: "Teléfono (opcional)",
    city: "Ciudad (opcional)",
    add: "Agregar organización",
    adding: "Agregando…",
    remove: "Quitar",
    removeConfirm: "¿Quitar a {{name}} de la coalición? Sus registros se conservan y se puede volver a agregar.",
    removed: "{{name}} ya no es miembro.",
    added: "{{name}} se unió a la coalición.",
  },
  apiKeys: {
    title: "Claves de API de {{organization}}",
    intro: "Las claves permiten que los sistemas de su organización lean el directorio (HSDS) y las API FHIR del hub. Envíela como \"Authorization: Bearer <clave>\".",
    create: "Crear una clave",
    creating: "Creando…",
    name: "Nombre",
    nameHint: "Qué la usará, p. ej. \"sincronización del directorio 211\".",
    createdOnce: "Se creó la clave \"{{name}}\". Cópiela ahora: no se volverá a mostrar.",
    active: "Claves activas",
    none: "No hay claves activas.",
    prefix: "Empieza con",
    lastUsed: "Último uso",
    never: "Nunca",
    revoke: "Revocar",
    revokeConfirm: "¿Revocar la clave \"{{name}}\"? Los sistemas que la usan perderán el acceso de inmediato.",
    revoked: "Clave revocada.",
  },
  errors: {
    notFoundTitle: "Página no encontrada",
    notFoundBody: "No pudimos encontrar esa página. Es posible que se haya movido o que usted no tenga acceso a ella.",
    forbiddenTitle: "Acceso no permitido",
    forbiddenBody: "No tiene permiso para abrir esta página.",
    serverTitle: "Algo salió mal",
    serverBody: "El sistema no pudo completar esta solicitud. Sus datos están seguros. Inténtelo de nuevo en un minuto; si sigue ocurriendo, es posible que la base de datos no esté disponible.",
    goHome: "Ir a la página de inicio",
    fixFields: "Corrija los campos resaltados.",
  },
  live: { memberJoined: "{{name}} se unió a su organización con la función de {{role}}.", dismiss: "Descartar", notifications: "Notificaciones", signedOut: "Su sesión terminó (se cerró en otra pestaña o venció). Vuelva a iniciar sesión." },
  directory,

  consent,

  conference,

  aims,
  partnership,

  referral,

  referralFlow,

  webhooks,
  common: { cancel: "Cancelar", confirm: "Confirmar", loading: "Cargando…", optional: "opcional", required: "obligatorio" },
};

export default es;
