import { useTranslation } from "react-i18next";
import { ConfirmForm } from "~/components/ui/confirm-form";

/**
 * The host's "Cancel conference": a confirmation dialog first (it ends the conference for everyone
 * and cannot be undone); the dismiss button says "Keep the conference", not a second "Cancel".
 */
export function CancelConference() {
  const { t } = useTranslation();
  return (
    <ConfirmForm question={t("conference.room.cancelQuestion")} confirmLabel={t("conference.room.cancelConfirm")} dismissLabel={t("conference.room.cancelKeep")} hidden={{ intent: "cancel" }}>
      {t("conference.room.cancelConference")}
    </ConfirmForm>
  );
}
