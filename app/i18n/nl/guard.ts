export const guard = {
  title: 'Baken bewaart nooit beelden',
  pastedFile: 'Je probeerde een bestand of afbeelding te plakken. Dat kan niet in Baken, en er is niets bewaard.',
  droppedFile:
    'Je probeerde een bestand of afbeelding hierheen te slepen. Dat kan niet in Baken, en er is niets bewaard.',
  pastedImageText: 'De tekst die je plakte bevat beeldgegevens. Die is niet ingevoegd, en er is niets bewaard.',
  droppedImageText:
    'De tekst die je hierheen sleepte bevat beeldgegevens. Die is niet ingevoegd, en er is niets bewaard.',
  why: 'Seksueel beeldmateriaal van minderjarigen bekijken, bewaren of doorsturen is zelf strafbaar, ook voor een hulpverlener. Vraag naar namen en feiten, niet naar beelden. Bewijs blijft bij de jongere of bij de politie; noteer alleen dát er bewijs is en wie het heeft.',
  dismiss: 'Begrepen',
} as const;
