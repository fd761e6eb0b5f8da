/** Lo que rechazan los servicios de los módulos, en español (errors.services.…). */
import type en from "./services.en";

const services: typeof en = {
  aims: {
    membersOnly: "Elija organizaciones que sean miembros de esta coalición.",
    cannotCompute: "El hub no puede calcular esa medida.",
    chooseListedMeasure: "Elija una de las medidas de la lista",
    nameTaken: "Ya existe una medida con ese nombre.",
    nameUsed: "Ya se usa: elija otro nombre",
    unitFixed: "Esta medida ya tiene valores: su unidad no puede cambiar. Cree una medida nueva.",
    unitFixedShort: "No cambia una vez que hay valores",
    targetAfterBaseline: "La fecha de la meta debe ser posterior a la fecha de la línea de base.",
    afterBaseline: "Posterior a la fecha de la línea de base",
    choosePeriod: "Elija uno de los períodos de la medida.",
    notAPeriod: "No es un período de esta medida",
    periodNotStarted: "Ese período aún no ha comenzado.",
    inTheFuture: "En el futuro",
    computedTakesNoValues: "El hub calcula esta medida: no acepta valores ingresados.",
    notAskedToReport: "A su organización no se le pide informar esta medida.",
    fileTooLarge: "El archivo pesa más de 1 MB: divídalo en archivos más pequeños.",
    csvHeader: "El archivo necesita una fila de encabezado con las columnas \"period\" y \"value\".",
  },
  referral: {
    roleCannotSend: "Su rol no puede enviar derivaciones.",
    choosePartnerOrg: "Elija una organización socia: una derivación va a otra organización.",
    choosePartnerOrgShort: "Elija una organización socia",
    notAPartner: "Esa organización no es socia de su coalición.",
    choosePartnerInCoalition: "Elija un socio de su coalición",
  },
  consent: {
    partnerRecipientsOnly: "Indique como destinatarias solo organizaciones socias de su coalición",
    revocationInFuture: "La revocación no puede recibirse en el futuro",
    revocationBeforeSigned: "La revocación no puede recibirse antes de que se firmara la autorización",
    alreadyRevoked: "Esta autorización ya fue revocada el {{date}}",
  },
  org: {
    inviteAccepted: "Esa invitación ya fue aceptada.",
    inviteInvalid: "Este enlace de invitación ya no es válido. Pida uno nuevo.",
    enterNameAndPassword: "Escriba su nombre y una contraseña.",
    signInAs: "Inicie sesión como {{email}} para aceptar esta invitación.",
  },
  coalition: {
    cannotRemoveOwn: "No puede quitar su propia organización mientras convoca desde ella.",
  },
  nextSteps: {
    ownerMustBeMember: "El responsable debe pertenecer a una organización miembro.",
    notAMember: "No es miembro de esta coalición",
    ownerOrConvener: "Solo la organización responsable o un convocante puede marcar este paso como hecho",
  },
};

export default services;
