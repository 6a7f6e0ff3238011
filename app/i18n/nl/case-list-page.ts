// Interface strings for the case list while only its sealed first page is
// shown (issue 19): the rest of the list is still being decrypted.
// No "dossier" in it: e2e tests find the list's count as the status that names dossiers.
export const caseListPage = {
  /** Heard by a screen reader; search, filters and "Toon meer" wait for the full list. */
  loadingRest: 'De rest van de lijst laden… Zoeken en filteren kan zo meteen.',
} as const;
