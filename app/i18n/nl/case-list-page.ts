// Interface strings for the case list while only its sealed first page is
// shown (issue 19): the rest of the list is still being decrypted.
export const caseListPage = {
  /** Heard by a screen reader; search, filters and "Toon meer" wait for the full list. */
  loadingRest: 'De eerste dossiers staan klaar. De rest van de lijst wordt nog geladen; zoeken en filteren kan zo meteen.',
  /** Shown instead of results while a search or filter waits for the full list. */
  loadingForSearch: 'Dossiers laden om te zoeken en te filteren…',
} as const;
