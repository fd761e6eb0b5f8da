/** What module services refuse, in English (errors.services.…; #14 defect 2, ADR 081). */
const services = {
  aims: {
    membersOnly: "Choose organizations that are members of this coalition.",
    cannotCompute: "The hub cannot compute that measure.",
    chooseListedMeasure: "Choose one of the listed measures",
    nameTaken: "A measure with that name exists.",
    nameUsed: "Already used: choose another name",
    unitFixed: "This measure already has values: its unit cannot change. Create a new measure instead.",
    unitFixedShort: "Fixed once values exist",
    targetAfterBaseline: "The target date must come after the baseline date.",
    afterBaseline: "After the baseline date",
    choosePeriod: "Choose one of the measure's periods.",
    notAPeriod: "Not a period of this measure",
    periodNotStarted: "That period has not started yet.",
    inTheFuture: "In the future",
    computedTakesNoValues: "The hub computes this measure: it takes no entered values.",
    notAskedToReport: "Your organization is not asked to report this measure.",
    fileTooLarge: "The file is larger than 1 MB: split it into smaller files.",
    csvHeader: "The file needs a header row with the columns \"period\" and \"value\".",
  },
  referral: {
    roleCannotSend: "Your role cannot send referrals.",
    choosePartnerOrg: "Choose a partner organization: a referral goes to another organization.",
    choosePartnerOrgShort: "Choose a partner organization",
    notAPartner: "That organization is not a partner in your coalition.",
    choosePartnerInCoalition: "Choose a partner in your coalition",
  },
  consent: {
    partnerRecipientsOnly: "Name only partner organizations of your coalition as recipients",
    revocationInFuture: "The revocation cannot be received in the future",
    revocationBeforeSigned: "The revocation cannot be received before the authorization was signed",
    alreadyRevoked: "This authorization was already revoked on {{date}}",
  },
  org: {
    inviteAccepted: "That invitation was already accepted.",
    inviteInvalid: "This invitation link is no longer valid. Ask for a new one.",
    enterNameAndPassword: "Enter your name and a password.",
    signInAs: "Sign in as {{email}} to accept this invitation.",
  },
  coalition: {
    cannotRemoveOwn: "You cannot remove your own organization while you are convening from it.",
  },
  nextSteps: {
    ownerMustBeMember: "The owner must belong to a member organization.",
    notAMember: "Not a member of this coalition",
    ownerOrConvener: "Only the owner's organization or a convener can mark this step done",
  },
};

export default services;
