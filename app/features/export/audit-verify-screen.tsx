// "Auditlog controleren" on its own page, reachable without unlocking: an auditor who received an
// exported audit log checks its chain without a logbook of their own. The file is read on this device
// and nothing is stored or sent (the same form as under Export).
import { nl } from '../../i18n/catalogue';
import { Page } from '../../shell/page';
import { VerifyForm } from './audit-log-section';
import './export.css';

export function AuditVerifyScreen() {
  return (
    <Page title={nl.shell.extra.auditlog}>
      <VerifyForm standalone />
    </Page>
  );
}
