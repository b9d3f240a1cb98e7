// Deterministic generator of a labelled synthetic data set for entity resolution: invented people with
// Pakistani names, several records per person as different offices would write them (Latin or Urdu script,
// spelling variants, honorifics, name order swapped, typos, initials, dropped name parts, placeholder dates
// of birth, CNICs and phones in every common format), and hard negatives: many different people called
// Muhammad Ali or Muhammad Asif, fathers and sons sharing a family name, a phone and a district.
// All people are invented. Same seed, same data.
import type { ResolutionRecord } from '../src/modules/resolution/record.ts';

export interface LabelledSet {
  records: ResolutionRecord[];
  /** The person each record belongs to (same index as records). */
  entity: number[];
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Name = { latin: string[]; urdu: string[] };
const n = (latin: string, urdu: string): Name => ({ latin: latin.split('/'), urdu: urdu.split('/') });

// Given names: first spelling is the usual one; Urdu forms as written (variants separated by /).
const MALE: Name[] = [
  n('Ali/Aly', 'علی'), n('Ahmad/Ahmed', 'احمد'), n('Asif/Aasif', 'آصف'), n('Imran/Imraan', 'عمران'), n('Irfan/Erfan', 'عرفان'),
  n('Bilal/Belal', 'بلال'), n('Faisal/Faysal', 'فیصل'), n('Tariq/Tarik', 'طارق'), n('Khalid/Khaled', 'خالد'),
  n('Rashid/Rasheed', 'راشد'), n('Shahid/Shahed', 'شاہد'), n('Zahid', 'زاہد'), n('Sajid', 'ساجد'), n('Nadeem/Nadim', 'ندیم'),
  n('Naveed/Navid', 'نوید'), n('Waseem/Wasim', 'وسیم'), n('Kashif', 'کاشف'), n('Javed/Javaid', 'جاوید'),
  n('Pervaiz/Parvez/Pervez', 'پرویز'), n('Tanveer/Tanvir', 'تنویر'), n('Yousaf/Yusuf/Yousuf', 'یوسف'), n('Usman/Osman', 'عثمان'),
  n('Umar/Omar/Umer', 'عمر'), n('Hamza/Hamzah', 'حمزہ'), n('Zubair', 'زبیر'), n('Qasim/Kasim', 'قاسم'), n('Saeed/Sayeed', 'سعید'),
  n('Shoaib/Shuaib', 'شعیب'), n('Sohail/Suhail', 'سہیل'), n('Aslam', 'اسلم'), n('Akram', 'اکرم'), n('Iqbal', 'اقبال'),
  n('Nawaz', 'نواز'), n('Riaz/Riyaz', 'ریاض'), n('Ejaz/Ijaz', 'اعجاز'), n('Zafar', 'ظفر'), n('Anwar/Anwer', 'انور'),
  n('Arshad', 'ارشد'), n('Amjad', 'امجد'), n('Abbas', 'عباس'), n('Rizwan', 'رضوان'), n('Adnan', 'عدنان'), n('Kamran', 'کامران'),
  n('Farooq/Faruq', 'فاروق'), n('Mehmood/Mahmood', 'محمود'), n('Waqas', 'وقاص'), n('Zeeshan', 'ذیشان'), n('Junaid', 'جنید'),
  n('Raheel', 'راحیل'), n('Yasir/Yasser', 'یاسر'), n('Waleed', 'ولید'), n('Ghulam', 'غلام'), n('Khurram', 'خرم'),
  n('Jahangir', 'جہانگیر'), n('Tahir', 'طاہر'), n('Iftikhar', 'افتخار'), n('Mushtaq', 'مشتاق'), n('Tauseef/Tauseef', 'توصیف'),
  n('Nauman/Noman', 'نعمان'), n('Owais/Uwais', 'اویس'), n('Abdul Rehman/Abdur Rehman/Abdurrehman', 'عبدالرحمن/عبدالرحمان'),
  n('Abdullah', 'عبداللہ'), n('Zia ur Rehman/Zia-ur-Rehman/Ziaurrehman', 'ضیاء الرحمن'), n('Salahuddin/Salah ud Din', 'صلاح الدین'),
  n('Inam Ullah/Inamullah', 'انعام اللہ'), n('Ishaq/Ishaque', 'اسحاق'), n('Ibrahim/Ebrahim', 'ابراہیم'), n('Ismail/Ismael', 'اسماعیل'),
  n('Hassan/Hasan', 'حسن'), n('Hussain/Husain', 'حسین'), n('Mustafa/Mustafa', 'مصطفیٰ'), n('Ayaz', 'ایاز'), n('Sarfraz', 'سرفراز'),
];
const FEMALE: Name[] = [
  n('Fatima/Fatimah', 'فاطمہ'), n('Ayesha/Aisha', 'عائشہ'), n('Zainab/Zaynab', 'زینب'), n('Maryam/Mariam', 'مریم'),
  n('Khadija/Khadeeja', 'خدیجہ'), n('Sana', 'ثناء'), n('Nadia', 'نادیہ'), n('Bushra', 'بشریٰ'), n('Sadia', 'سعدیہ'),
  n('Saima', 'صائمہ'), n('Rubina/Rubeena', 'روبینہ'), n('Nasreen/Nasrin', 'نسرین'), n('Shazia', 'شازیہ'), n('Kausar/Kosar', 'کوثر'),
  n('Hina', 'حنا'), n('Huma', 'ہما'), n('Amna/Aamna', 'آمنہ'), n('Iqra', 'اقرا'), n('Rabia', 'رابعہ'), n('Samina/Sameena', 'ثمینہ'),
  n('Nargis', 'نرگس'), n('Shabana', 'شبانہ'), n('Asma', 'اسماء'), n('Farzana', 'فرزانہ'), n('Tahira', 'طاہرہ'),
];
const FAMILY: Name[] = [
  n('Khan', 'خان'), n('Malik', 'ملک'), n('Butt/Bhatt', 'بٹ'), n('Qureshi/Qureshy', 'قریشی'), n('Siddiqui/Siddiqi', 'صدیقی'),
  n('Abbasi', 'عباسی'), n('Awan', 'اعوان'), n('Bhatti/Bhati', 'بھٹی'), n('Baloch/Baluch', 'بلوچ'), n('Cheema', 'چیمہ'),
  n('Gondal', 'گوندل'), n('Jatoi', 'جتوئی'), n('Shah', 'شاہ'), n('Rajput', 'راجپوت'), n('Arain/Araain', 'آرائیں'),
  n('Gujjar/Gujar', 'گجر'), n('Mughal', 'مغل'), n('Niazi', 'نیازی'), n('Khattak', 'خٹک'), n('Leghari', 'لغاری'),
  n('Mazari', 'مزاری'), n('Dogar', 'ڈوگر'), n('Sial', 'سیال'), n('Warraich/Waraich', 'وڑائچ'), n('Tareen/Tarin', 'ترین'),
];
const HONORIFICS = [['Hafiz', 'حافظ'], ['Haji', 'حاجی'], ['Malik', 'ملک'], ['Rana', 'رانا'], ['Syed', 'سید'], ['Mian', 'میاں'], ['Ch.', 'چوہدری'], ['Mr.', 'مسٹر']];
const DISTRICTS = [['Lahore', 'لاہور', '35202'], ['Muzaffargarh', 'مظفرگڑھ', '32303'], ['Multan', 'ملتان', '36302'], ['Faisalabad', 'فیصل آباد', '33100'],
  ['Rawalpindi', 'راولپنڈی', '37405'], ['Gujranwala', 'گوجرانوالہ', '34101'], ['Bahawalpur', 'بہاولپور', '31202'], ['Sialkot', 'سیالکوٹ', '34603'],
  ['Dera Ghazi Khan', 'ڈیرہ غازی خان', '32102'], ['Sargodha', 'سرگودھا', '38403'], ['Okara', 'اوکاڑہ', '35302'], ['Sahiwal', 'ساہیوال', '36502']];

// Rare family names are invented from syllables, and written in Urdu the way a clerk would from the sound.
const ONSETS = ['b', 'd', 'g', 'j', 'k', 'kh', 'l', 'm', 'n', 'p', 'q', 'r', 's', 'sh', 't', 'z', 'gh', 'f', 'h', 'ch'];
const VOWELS = ['a', 'a', 'i', 'u', 'oo', 'ee', 'aa', 'e', 'o'];
const CODAS = ['', 'n', 'r', 'l', 'm', 'z', 'sh', 'k', 'd', 'b', 't', 'q'];
const URDU_OF: Record<string, string[]> = {
  b: ['ب'], d: ['د', 'ڈ'], g: ['گ'], j: ['ج'], k: ['ک'], kh: ['خ'], l: ['ل'], m: ['م'], n: ['ن'], p: ['پ'], q: ['ق'], r: ['ر'],
  s: ['س', 'ص'], sh: ['ش'], t: ['ت', 'ط', 'ٹ'], z: ['ز', 'ذ', 'ظ'], gh: ['غ'], f: ['ف'], h: ['ہ', 'ح'], ch: ['چ'],
};

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function inventName(r: () => number): Name {
  const syl = 2 + (r() < 0.3 ? 1 : 0);
  let latin = '';
  let urdu = '';
  for (let s = 0; s < syl; s++) {
    const on = s === 0 && r() < 0.2 ? '' : pick(r, ONSETS);
    const v = pick(r, VOWELS);
    const co = s === syl - 1 ? pick(r, CODAS) : r() < 0.3 ? pick(r, CODAS) : '';
    latin += on + v + co;
    if (on) urdu += pick(r, URDU_OF[on]!);
    // Vowels: an initial one is alif (or ain); long ones are written, short ones mostly not.
    if (!on && s === 0) urdu += r() < 0.8 ? 'ا' : 'ع';
    else if (v === 'aa') urdu += 'ا';
    else if (v === 'ee') urdu += 'ی';
    else if (v === 'oo' || v === 'o') urdu += 'و';
    else if (v === 'e') urdu += r() < 0.5 ? 'ی' : '';
    if (co) urdu += pick(r, URDU_OF[co]!);
  }
  if (/[aeiou]$/.test(latin) && !/[اوی]$/.test(urdu)) urdu += latin.endsWith('i') ? 'ی' : 'ہ';
  const cap = latin[0]!.toUpperCase() + latin.slice(1);
  // A second Latin spelling with the vowels written differently.
  const alt = cap.replace(/ee/g, 'i').replace(/oo/g, 'u').replace(/aa/g, 'a');
  return { latin: alt !== cap ? [cap, alt] : [cap], urdu: [urdu] };
}

interface Person {
  male: boolean;
  given: Name[];
  family: Name | null;
  muhammad: boolean;
  born: { y: number; m: number; d: number };
  district: number;
  cnic: string;
  phones: string[];
  handles: string[];
  /** The father's name (drawn after everything else, from a stream of its own: see generateResolutionSet). */
  father?: { given: Name[]; muhammad: boolean; family: Name | null };
  /** For a son generated with his father: the father. */
  fatherPerson?: Person;
}

function cnicFor(r: () => number, district: number, male: boolean): string {
  let body = '';
  for (let i = 0; i < 7; i++) body += Math.floor(r() * 10);
  const last = Math.floor(r() * 5) * 2 + (male ? 1 : 0);
  return `${DISTRICTS[district]![2]}${body}${last}`;
}

function phoneFor(r: () => number): string {
  let s = `3${pick(r, ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '11', '12', '13', '14', '15', '21', '22', '23', '33', '34', '35', '36', '45', '46'])}`;
  for (let i = 0; i < 7; i++) s += Math.floor(r() * 10);
  return s; // national significant number, 10 digits
}

function handleFor(r: () => number, p: Person): string {
  const base = (p.given[0]!.latin[0]! + (p.family?.latin[0] ?? '')).toLowerCase().replace(/[^a-z]/g, '');
  return `${base}${Math.floor(r() * 9000) + 100}`;
}

function newPerson(r: () => number, rare: Name[], opts: Partial<Person> = {}): Person {
  const male = opts.male ?? r() < 0.75;
  const pool = male ? MALE : FEMALE;
  const given = [pick(r, pool)];
  if (r() < 0.25) { const second = pick(r, pool); if (second !== given[0]) given.push(second); }
  const family = r() < 0.15 ? null : r() < 0.5 ? pick(r, rare) : pick(r, FAMILY);
  const y = 1950 + Math.floor(r() * 55);
  const person: Person = {
    male,
    given,
    family,
    muhammad: male && r() < 0.45,
    born: { y, m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) },
    district: Math.floor(r() * DISTRICTS.length),
    cnic: '',
    phones: [phoneFor(r), ...(r() < 0.3 ? [phoneFor(r)] : [])],
    handles: [],
    ...opts,
  };
  person.cnic = cnicFor(r, person.district, male);
  if (r() < 0.3) person.handles = [handleFor(r, person)];
  return person;
}

function typo(r: () => number, s: string): string {
  if (s.length < 4) return s;
  const i = 1 + Math.floor(r() * (s.length - 2));
  const k = r();
  if (k < 0.35) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // swap
  if (k < 0.65) return s.slice(0, i) + s.slice(i + 1); // drop
  if (k < 0.85) return s.slice(0, i) + s[i] + s.slice(i); // double
  return s.slice(0, i) + pick(r, ['a', 'e', 'i', 'o', 'u']) + s.slice(i + 1); // vowel
}

function writeName(r: () => number, p: Person, script: 'latin' | 'urdu'): string {
  const parts: string[] = [];
  const spell = (nm: Name): string => (script === 'urdu' ? pick(r, nm.urdu) : r() < 0.6 ? nm.latin[0]! : pick(r, nm.latin));
  if (p.muhammad) {
    if (script === 'urdu') parts.push('محمد');
    else {
      const k = r();
      parts.push(k < 0.45 ? 'Muhammad' : k < 0.7 ? 'Mohammad' : k < 0.8 ? 'Muhammed' : k < 0.9 ? 'Mohd' : k < 0.95 ? 'M.' : 'Md.');
    }
  }
  p.given.forEach((g, i) => {
    if (i > 0 && r() < 0.2) return; // second given name dropped
    parts.push(spell(g));
  });
  if (p.family && r() < 0.85) parts.push(spell(p.family));
  if (script === 'latin' && parts.length > 1 && r() < 0.08) {
    const i = p.muhammad ? 1 + Math.floor(r() * (parts.length - 1)) : Math.floor(r() * parts.length);
    parts[i] = typo(r, parts[i]!);
  }
  if (script === 'latin' && parts.length > 2 && r() < 0.05) {
    const i = 1 + Math.floor(r() * (parts.length - 2));
    parts[i] = `${parts[i]![0]}.`; // a middle name as its initial
  }
  if (parts.length > 1 && r() < 0.1) parts.push(parts.shift()!); // family name first, or first name last
  if (r() < 0.2) {
    const h = pick(r, HONORIFICS);
    parts.unshift(script === 'urdu' ? h[1]! : h[0]!);
  }
  return parts.join(' ');
}

function pad(x: number): string {
  return String(x).padStart(2, '0');
}

function writeRecord(r: () => number, p: Person, id: string): ResolutionRecord {
  const k = r();
  const names = k < 0.55 ? [writeName(r, p, 'latin')] : k < 0.9 ? [writeName(r, p, 'urdu')] : [writeName(r, p, 'latin'), writeName(r, p, 'urdu')];
  const rec: ResolutionRecord = { id, names };
  if (r() < 0.7) {
    const b = p.born;
    const f = r();
    const y = r() < 0.03 ? b.y + (r() < 0.5 ? 1 : -1) : b.y;
    rec.dateOfBirth = f < 0.12 ? String(y) : f < 0.3 ? `${y}-01-01` : f < 0.5 ? `${pad(b.d)}/${pad(b.m)}/${y}` : `${y}-${pad(b.m)}-${pad(b.d)}`;
  }
  if (r() < 0.6) rec.district = r() < 0.7 ? DISTRICTS[p.district]![0] : DISTRICTS[p.district]![1];
  if (r() < 0.5) {
    const ph = pick(r, p.phones);
    const f = r();
    rec.phones = [f < 0.3 ? `0${ph.slice(0, 3)}-${ph.slice(3)}` : f < 0.55 ? `+92 ${ph.slice(0, 3)} ${ph.slice(3)}` : f < 0.75 ? `92${ph}` : `0${ph}`];
  }
  if (r() < 0.35) {
    const c = r() < 0.01 ? p.cnic.slice(0, 8) + ((Number(p.cnic[8]) + 1) % 10) + p.cnic.slice(9) : p.cnic;
    rec.cnic = r() < 0.5 ? `${c.slice(0, 5)}-${c.slice(5, 12)}-${c.slice(12)}` : c;
  }
  if (p.handles.length && r() < 0.4) rec.handles = [r() < 0.5 ? `@${p.handles[0]}` : p.handles[0]!.toUpperCase()];
  return rec;
}

function fatherFor(r: () => number, p: Person): NonNullable<Person['father']> {
  if (p.fatherPerson) return { given: p.fatherPerson.given, muhammad: p.fatherPerson.muhammad, family: p.fatherPerson.family };
  const given = [pick(r, MALE)];
  if (r() < 0.3) { const second = pick(r, MALE); if (second !== given[0]) given.push(second); }
  // The family (caste, tribe) name passes from father to children; a person recorded without one has a
  // father recorded without one too.
  return { given, muhammad: r() < 0.45, family: p.family };
}

/** " s/o Father Name" in the script of the name, as an office writes it (parts dropped, spellings varied). */
function writeFather(r: () => number, p: Person, script: 'latin' | 'urdu'): string {
  const f = p.father!;
  const parts: string[] = [];
  const spell = (nm: Name): string => (script === 'urdu' ? pick(r, nm.urdu) : r() < 0.6 ? nm.latin[0]! : pick(r, nm.latin));
  if (f.muhammad && r() < 0.85) {
    if (script === 'urdu') parts.push('محمد');
    else { const k = r(); parts.push(k < 0.5 ? 'Muhammad' : k < 0.75 ? 'Mohammad' : k < 0.9 ? 'Mohd' : 'M.'); }
  }
  f.given.forEach((g, i) => { if (i === 0 || r() < 0.7) parts.push(spell(g)); });
  if (f.family && r() < 0.6) parts.push(spell(f.family));
  if (script === 'latin' && parts.length > 1 && r() < 0.05) {
    const i = f.muhammad ? parts.length - 1 : Math.floor(r() * parts.length);
    parts[i] = typo(r, parts[i]!);
  }
  const rel = script === 'urdu'
    ? (p.male ? 'ولد' : pick(r, ['بنت', 'دختر']))
    : (p.male ? pick(r, ['s/o', 's/o', 'S/O', 'son of', 'S/o']) : pick(r, ['d/o', 'D/O', 'daughter of']));
  return ` ${rel} ${parts.join(' ')}`;
}

export interface GeneratorOptions {
  /**
   * Share of records that give the person's father's name ("s/o ...", "ولد ..."): police and NADRA records
   * almost always do, telecom and platform records do not. Default 0.5. Fathers are drawn from a random stream
   * of their own, so the records are otherwise the same whatever the share (0 gives the data of before).
   */
  fatherRate?: number;
}

/** A labelled set of about `persons` invented people (and their records), from `seed`. */
export function generateResolutionSet(seed: number, persons: number, opts: GeneratorOptions = {}): LabelledSet {
  const fatherRate = opts.fatherRate ?? 0.5;
  const rf = rng(seed ^ 0x5f3759df);
  const r = rng(seed);
  const rare: Name[] = Array.from({ length: Math.max(50, persons) }, () => inventName(r));
  const people: Person[] = [];
  while (people.length < persons) {
    const k = r();
    if (k < 0.08) {
      // Hard negatives: different men with the commonest names, some in one district and one birth decade.
      const given = [pick(r, MALE.slice(0, 6))];
      const base = newPerson(r, rare, { male: true, given, family: null, muhammad: true });
      people.push(base);
      const twin = newPerson(r, rare, { male: true, given, family: null, muhammad: true, district: base.district });
      twin.born = { ...twin.born, y: base.born.y + Math.floor(r() * 7) - 3 };
      people.push(twin);
    } else if (k < 0.18) {
      // A father and son: same family name, same phone and district, the son often carrying a father's name.
      const father = newPerson(r, rare, { male: true });
      if (!father.family) father.family = pick(r, rare);
      const son = newPerson(r, rare, { male: true, family: father.family, district: father.district, phones: [father.phones[0]!], muhammad: father.muhammad });
      son.born = { ...son.born, y: father.born.y + 20 + Math.floor(r() * 15) };
      if (r() < 0.4) son.given = [son.given[0]!, father.given[0]!];
      son.fatherPerson = father;
      people.push(father, son);
    } else {
      people.push(newPerson(r, rare));
    }
  }
  const records: ResolutionRecord[] = [];
  const entity: number[] = [];
  people.forEach((p, e) => {
    const k = r();
    const count = k < 0.55 ? 1 : k < 0.82 ? 2 : k < 0.95 ? 3 : 4;
    for (let c = 0; c < count; c++) {
      const rec = writeRecord(r, p, `r${seed}-${records.length}`);
      if (fatherRate > 0 && rf() < fatherRate) {
        p.father ??= fatherFor(rf, p);
        rec.names = rec.names.map((nm) => nm + writeFather(rf, p, /[\u0600-\u06FF]/u.test(nm) ? 'urdu' : 'latin'));
      }
      records.push(rec);
      entity.push(e);
    }
  });
  // Shuffle so that records of one person are not next to each other.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
    [entity[i], entity[j]] = [entity[j]!, entity[i]!];
  }
  return { records, entity };
}
