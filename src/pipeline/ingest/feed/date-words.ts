/** The words of feed dates: month and weekday names in the languages publishers write, joining words, zone names. */

/** Month names and abbreviations as written (matched without case or diacritics): en, de, fr, es, it, nl, pt, sv/da/no, pl, cs, ro, hu, fi, tr, ru, uk. */
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro', 'styczeń', 'stycznia', 'ledna', 'leden', 'ianuarie', 'január', 'tammikuuta', 'ocak', 'января', 'январь', 'янв', 'січня', 'jan', 'janv', 'ene', 'gen', 'sty', 'ian']],
  [2, ['february', 'februar', 'feber', 'février', 'febrero', 'febbraio', 'februari', 'fevereiro', 'luty', 'lutego', 'února', 'únor', 'februarie', 'február', 'helmikuuta', 'şubat', 'февраля', 'февраль', 'фев', 'лютого', 'feb', 'fev', 'févr', 'lut', 'febr']],
  [3, ['march', 'märz', 'mars', 'marzo', 'maart', 'março', 'marzec', 'marca', 'března', 'březen', 'martie', 'március', 'maaliskuuta', 'mart', 'марта', 'март', 'мар', 'березня', 'mar', 'mrt', 'márc']],
  [4, ['april', 'avril', 'abril', 'aprile', 'kwiecień', 'kwietnia', 'dubna', 'duben', 'aprilie', 'április', 'huhtikuuta', 'nisan', 'апреля', 'апрель', 'апр', 'квітня', 'apr', 'avr', 'abr', 'kwi', 'ápr']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio', 'maj', 'maja', 'května', 'květen', 'május', 'toukokuuta', 'mayıs', 'мая', 'май', 'травня', 'mag', 'máj']],
  [6, ['june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwiec', 'czerwca', 'června', 'červen', 'iunie', 'június', 'kesäkuuta', 'haziran', 'июня', 'июнь', 'июн', 'червня', 'jun', 'giu', 'cze', 'jún']],
  [7, ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lipiec', 'lipca', 'července', 'červenec', 'iulie', 'július', 'heinäkuuta', 'temmuz', 'июля', 'июль', 'июл', 'липня', 'jul', 'juil', 'lug', 'lip', 'júl']],
  [8, ['august', 'août', 'agosto', 'augustus', 'augusti', 'sierpień', 'sierpnia', 'srpna', 'srpen', 'augusztus', 'elokuuta', 'ağustos', 'августа', 'август', 'авг', 'серпня', 'aug', 'ago', 'sie']],
  [9, ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'wrzesień', 'września', 'září', 'septembrie', 'szeptember', 'syyskuuta', 'eylül', 'сентября', 'сентябрь', 'сен', 'сент', 'вересня', 'sep', 'sept', 'set', 'wrz', 'szept']],
  [10, ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'październik', 'października', 'října', 'říjen', 'octombrie', 'október', 'lokakuuta', 'ekim', 'октября', 'октябрь', 'окт', 'жовтня', 'oct', 'okt', 'ott', 'out', 'paź']],
  [11, ['november', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'listopadu', 'noiembrie', 'marraskuuta', 'kasım', 'ноября', 'ноябрь', 'ноя', 'нояб', 'листопада', 'nov', 'lis']],
  [12, ['december', 'dezember', 'décembre', 'diciembre', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'prosince', 'prosinec', 'decembrie', 'joulukuuta', 'aralık', 'декабря', 'декабрь', 'дек', 'грудня', 'dec', 'dez', 'dic', 'gru', 'déc']],
];

/** Weekday names and abbreviations in the same languages: read and ignored. */
const WEEKDAY_NAMES =
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
  'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so ' +
  'lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim ' +
  'mar lunes martes miércoles jueves viernes sábado domingo mié jue vie dom ' +
  'lunedì martedì mercoledì giovedì venerdì gio ' +
  'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma wo vr za zo ' +
  'segunda terça quarta quinta sexta seg ter qua qui sex sáb ' +
  'mandag tisdag tirsdag onsdag torsdag fredag lördag lørdag söndag søndag man tis ons tor fre lör lør sön søn ' +
  'poniedziałek wtorek środa czwartek piątek sobota niedziela pon wt śr czw pt sob nd ' +
  'pondělí úterý středa čtvrtek pátek neděle po út st čt pá ne ' +
  'luni marți miercuri joi vineri sâmbătă duminică ' +
  'hétfő kedd szerda csütörtök péntek szombat vasárnap ' +
  'maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai ' +
  'pazartesi salı çarşamba perşembe cuma cumartesi pazar ' +
  'понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс ' +
  'понеділок вівторок середа четвер пʼятниця субота неділя';

/** Words that join the parts of a date ("7 de octubre de 2019", "October 7 at 9:00", "um 9 Uhr", "7 октября 2019 г. в 9:00"). */
const FILLER_WORDS =
  'de del el il den at um a las les le la the of on om uhr h hs hrs y e em kl klo alle ore às published updated ' +
  'г года в о klo ve v';

/** Lower-case, without diacritics (Cyrillic й and ё keep their letter): how date words are compared. */
export function plainWord(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ı/g, 'i');
}

export const MONTHS = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS.set(plainWord(name), month);
/** Names long enough that a prefix of them ("sept", "févr", "juil") is read as the month. */
export const FULL_MONTH_NAMES = [...MONTHS.keys()].filter((name) => name.length > 4);
export const WEEKDAYS = new Set(WEEKDAY_NAMES.split(' ').map(plainWord));
export const FILLERS = new Set(FILLER_WORDS.split(' ').map(plainWord));

/** Offsets in minutes of zone names (RFC 822's, the common ones, and German/French names). */
export const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, wez: 0, bst: 60, west: 60, wesz: 60, cet: 60, mez: 60, cest: 120, mesz: 120,
  eet: 120, oez: 120, eest: 180, oesz: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150, nzst: 720, nzdt: 780, jst: 540, kst: 540,
  ist: 330, aest: 600, aedt: 660, acst: 570, acdt: 630, awst: 480, msk: 180, sgt: 480, hkt: 480, pht: 480, wib: 420,
  brt: -180, art: -180, clt: -240,
};
