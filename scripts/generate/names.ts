// Fictional name parts: combinations that name no real person or organisation on purpose.
export const firstNames = [
  'Aada', 'Aapo', 'Eelis', 'Elli', 'Hilla', 'Iida', 'Jaakko', 'Jenna', 'Kaapo', 'Kielo', 'Lenni', 'Lilja',
  'Mikko', 'Minea', 'Niilo', 'Nelli', 'Oiva', 'Pihla', 'Rasmus', 'Ronja', 'Sisu', 'Seela', 'Topias', 'Tuuli',
  'Urho', 'Vilja', 'Väinö', 'Ylva', 'Alva', 'Edvin', 'Freja', 'Hugo', 'Ines', 'Leo', 'Matilda', 'Oskar',
];
export const lastNames = [
  'Esimerkki', 'Kuvitelma', 'Keksitty', 'Harjoitus', 'Mallinen', 'Demonen', 'Testilä', 'Kokeilu', 'Luonnos',
  'Aihio', 'Hahmonen', 'Kaavio', 'Tarinainen', 'Satunen', 'Fiktiö', 'Unelma', 'Arvaus', 'Oletus',
];
export const organisationWords = [
  'Kansalaistoiminnan', 'Luonnonystävien', 'Kulttuuriharrastajien', 'Liikunnan', 'Kotiseudun', 'Nuorten aikuisten',
  'Eläkeläisten', 'Vapaaehtoisten', 'Terveyden', 'Musiikin', 'Käsityön', 'Yrittäjyyden', 'Lukemisen', 'Ympäristön',
];
export const organisationKinds = ['Liitto ry', 'Keskusliitto ry', 'Yhteisö ry', 'Verkosto ry', 'Seura ry'];
export const places = [
  'Aurinkolahden', 'Kuusimäen', 'Revontulikylän', 'Tuulijärven', 'Sammalsuon', 'Kalliorannan', 'Pihlajaniemen',
  'Koivumäen', 'Lumilaakson', 'Myllyjoen', 'Saarenkylän', 'Hiekkaharjun', 'Kanervakummun', 'Vuorilahden',
];
