// Interface strings for the case list while only its sealed first page is
// shown (issue 19): the rest of the list is still being decrypted.
// No "dossier" in them: e2e tests find the list's count as the status that names dossiers.
export const caseListPage = {
  /** Heard by a screen reader; search, filters and "Toon meer" wait for the full list. */
  loadingRest: 'De rest van de lijst wordt nog geladen. Zoeken en filteren kan zo meteen.',
  /** Shown instead of results while a search or filter waits for the full list. */
  loadingForSearch: 'De lijst wordt geladen om te zoeken en te filteren…',
} as const;
