// Interface strings for handing the lead role over (issue 21), in
// Instellingen → Team. Names of team members only; never case data.
export const teamLead = {
  handOver: (name: string) => `${name} teamverantwoordelijke maken`,
  title: (name: string) => `${name} teamverantwoordelijke maken?`,
  explain: (name: string) =>
    `${name} wordt de nieuwe teamverantwoordelijke: ${name} laat voortaan mensen toe, haalt ze uit het team en ondertekent de ledenlijst. Elk toestel aanvaardt de sleutel van ${name} omdat jij deze overdracht ondertekent, en weigert daarna een ledenlijst die alleen jij ondertekende. Je blijft lid met je rol. Je openstaande uitnodigingscodes werken niet meer. Vergelijk eerst samen de sleutelvingerafdruk van ${name}.`,
  confirm: 'Overdragen',
  cancel: 'Annuleren',
  done: (name: string) => `${name} is nu de teamverantwoordelijke.`,
} as const;
