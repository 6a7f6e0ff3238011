// When the team server refuses this device's team account (issue 20, team
// side): the notice on Instellingen → Team, the form to enter the password
// again, and the short lines on the case page's "Toegang", in Opvolging and in
// the app's calm notice; and a team database refused for lack of a role (403).
// Loaded with the team chunk only.
const stopped =
  'Gedeelde dossiers en de teamopvolging worden op dit toestel niet meer bijgewerkt. Wat je hier schrijft, blijft bewaard en gaat mee zodra het weer lukt.';

export const teamAccount = {
  /** Instellingen → Team: what happened, what stopped, what to do. */
  notice: {
    password: `De teamserver weigert het wachtwoord van je teamaccount. Misschien werd het gewijzigd. ${stopped} Vul hieronder het wachtwoord van het teamaccount opnieuw in.`,
    lockout: `De teamserver heeft je teamaccount even geblokkeerd na te veel mislukte aanmeldpogingen. ${stopped} Wacht enkele minuten en vul dan hieronder het wachtwoord van het teamaccount opnieuw in. Kijk het eerst goed na: na een paar foute pogingen blokkeert de server het account opnieuw.`,
  },
  /** Elsewhere (the case page, Opvolging, the app's notice): short, pointing to Instellingen → Team. */
  short: {
    password: 'De teamserver weigert het wachtwoord van je teamaccount. Vul het opnieuw in bij Instellingen, Team.',
    lockout:
      'De teamserver heeft je teamaccount even geblokkeerd na te veel mislukte aanmeldpogingen. Wacht enkele minuten en vul dan het wachtwoord opnieuw in bij Instellingen, Team.',
  },
  /** The server refused a team database (403): the account lacks a role there (Opvolging, Teamcijfers, Toegang). */
  forbidden:
    'De server geeft je teamaccount geen toegang tot een deel van de teamgegevens. Dat is een instelling van de rollen op de server: vraag wie de server beheert om je rol in dit team na te kijken.',
  formTitle: 'Wachtwoord van het teamaccount opnieuw invullen',
  formIntro: (account: string) =>
    `Voor het teamaccount ${account}. Baken controleert het wachtwoord één keer bij de teamserver en bewaart het pas als het klopt. Gebruik je hetzelfde account ook voor synchronisatie, vul het daar dan ook opnieuw in.`,
  password: 'Wachtwoord van het teamaccount',
  submit: 'Teamwachtwoord controleren en bewaren',
  busy: 'Controleren…',
  saved: 'Het wachtwoord klopt en is bewaard. Gedeelde dossiers en de teamopvolging worden weer bijgewerkt.',
  noticeLabel: 'Teamaccount',
  /** The link in the app's calm notice, and the one on the case page (each name unique on its page). */
  action: 'Wachtwoord invullen in Instellingen → Team',
  caseAction: 'Instellingen → Team openen',
} as const;
