import type { Rng } from './prng.ts';

// Invented names for the synthetic demo dataset. Given names and family names are combined at random,
// so no record describes a real person; Latin and Urdu spellings are kept in step so the persons carry
// both scripts (and the Muhammad / Mohammad / Muhammed variants entity resolution has to cope with).
export type Pair = readonly [latin: string, urdu: string];

export const maleGiven: Pair[] = [
  ['Adeel', 'عدیل'], ['Bilal', 'بلال'], ['Faisal', 'فیصل'], ['Haris', 'حارث'], ['Imran', 'عمران'], ['Junaid', 'جنید'],
  ['Kamran', 'کامران'], ['Naveed', 'نوید'], ['Qasim', 'قاسم'], ['Rizwan', 'رضوان'], ['Sajid', 'ساجد'], ['Tahir', 'طاہر'],
  ['Usman', 'عثمان'], ['Waqas', 'وقاص'], ['Zubair', 'زبیر'], ['Shahid', 'شاہد'], ['Arif', 'عارف'], ['Asad', 'اسد'],
  ['Danish', 'دانش'], ['Ehsan', 'احسان'], ['Farhan', 'فرحان'], ['Ghulam Abbas', 'غلام عباس'], ['Jawad', 'جواد'],
  ['Khurram', 'خرم'], ['Mudassar', 'مدثر'], ['Nadeem', 'ندیم'], ['Obaid', 'عبید'], ['Rehan', 'ریحان'], ['Saqib', 'ثاقب'],
  ['Shafqat', 'شفقت'], ['Tanveer', 'تنویر'], ['Yasir', 'یاسر'], ['Zeeshan', 'ذیشان'], ['Azhar', 'اظہر'], ['Fahad', 'فہد'],
];
export const femaleGiven: Pair[] = [
  ['Ayesha', 'عائشہ'], ['Bushra', 'بشریٰ'], ['Farah', 'فرح'], ['Hina', 'حنا'], ['Iqra', 'اقرا'], ['Mehwish', 'مہوش'],
  ['Nadia', 'نادیہ'], ['Rabia', 'رابعہ'], ['Saima', 'صائمہ'], ['Sana', 'ثنا'], ['Uzma', 'عظمیٰ'], ['Kiran', 'کرن'],
  ['Lubna', 'لبنیٰ'], ['Maryam', 'مریم'], ['Nighat', 'نگہت'], ['Rukhsana', 'رخسانہ'], ['Samina', 'ثمینہ'], ['Shazia', 'شازیہ'],
  ['Tahira', 'طاہرہ'], ['Zarina', 'زرینہ'],
];
export const childGivenBoys: Pair[] = [
  ['Ahmed', 'احمد'], ['Ali Raza', 'علی رضا'], ['Hamza', 'حمزہ'], ['Huzaifa', 'حذیفہ'], ['Moiz', 'معز'], ['Rayyan', 'ریان'],
  ['Saad', 'سعد'], ['Shayan', 'شایان'], ['Talha', 'طلحہ'], ['Umer', 'عمر'], ['Zain', 'زین'], ['Abdullah', 'عبداللہ'],
  ['Ibrahim', 'ابراہیم'], ['Musa', 'موسیٰ'], ['Arham', 'ارحم'],
];
export const childGivenGirls: Pair[] = [
  ['Aleena', 'علینہ'], ['Anaya', 'انایہ'], ['Eman', 'ایمان'], ['Fatima Noor', 'فاطمہ نور'], ['Hadia', 'ہادیہ'], ['Laiba', 'لائبہ'],
  ['Minahil', 'مناہل'], ['Noor', 'نور'], ['Rida', 'ردا'], ['Sidra', 'سدرہ'], ['Areeba', 'اریبہ'], ['Dua', 'دعا'],
  ['Hoorain', 'حورین'], ['Mahnoor', 'ماہ نور'], ['Zoya', 'زویا'],
];
export const family: Pair[] = [
  ['Khokhar', 'کھوکھر'], ['Bhatti', 'بھٹی'], ['Gondal', 'گوندل'], ['Awan', 'اعوان'], ['Cheema', 'چیمہ'], ['Qureshi', 'قریشی'],
  ['Siddiqui', 'صدیقی'], ['Chandio', 'چانڈیو'], ['Mengal', 'مینگل'], ['Soomro', 'سومرو'], ['Khattak', 'خٹک'], ['Durrani', 'درانی'],
  ['Mirza', 'مرزا'], ['Malik', 'ملک'], ['Sheikh', 'شیخ'], ['Rana', 'رانا'], ['Joiya', 'جوئیہ'], ['Laghari', 'لغاری'],
  ['Jatoi', 'جتوئی'], ['Abbasi', 'عباسی'], ['Tarar', 'تارڑ'], ['Wattoo', 'وٹو'], ['Kalhoro', 'کلہوڑو'], ['Bugti', 'بگٹی'],
  ['Marwat', 'مروت'], ['Niazi', 'نیازی'], ['Dogar', 'ڈوگر'], ['Sial', 'سیال'], ['Hashmi', 'ہاشمی'], ['Kazmi', 'کاظمی'],
];

export interface InventedName {
  latin: string;
  urdu: string;
  /** A second Latin spelling (Mohammad for Muhammad, Joyia for Joiya...), when there is one. */
  variant: string | null;
}

const spellings: Array<[RegExp, string]> = [
  [/^Muhammad /, 'Mohammad '],
  [/Joiya/, 'Joyia'],
  [/Qureshi/, 'Qureishi'],
  [/Siddiqui/, 'Siddiqi'],
  [/Usman/, 'Osman'],
  [/Zubair/, 'Zobair'],
  [/Khokhar/, 'Khokar'],
  [/Rizwan/, 'Rizvan'],
];

function variantOf(latin: string): string | null {
  for (const [re, to] of spellings) if (re.test(latin)) return latin.replace(re, to);
  return null;
}

function compose(rng: Rng, given: Pair, withMuhammad: boolean): InventedName {
  const fam = rng.pick(family);
  const latin = `${withMuhammad ? 'Muhammad ' : ''}${given[0]} ${fam[0]}`;
  const urdu = `${withMuhammad ? 'محمد ' : ''}${given[1]} ${fam[1]}`;
  return { latin, urdu, variant: variantOf(latin) };
}

/** Invented names, never repeated within one generator. */
export function nameGenerator(rng: Rng) {
  const used = new Set<string>();
  const unique = (make: () => InventedName): InventedName => {
    for (let i = 0; i < 200; i++) {
      const n = make();
      if (!used.has(n.latin)) {
        used.add(n.latin);
        return n;
      }
    }
    throw new Error('name pool exhausted');
  };
  return {
    /** Marks names used elsewhere (demo users, hand-written persons) so no generated person repeats them. */
    reserve: (...latin: string[]) => latin.forEach((n) => used.add(n)),
    man: () => unique(() => compose(rng, rng.pick(maleGiven), rng.chance(0.3))),
    woman: () => unique(() => compose(rng, rng.pick(femaleGiven), false)),
    child: (gender: 'male' | 'female') => unique(() => compose(rng, rng.pick(gender === 'male' ? childGivenBoys : childGivenGirls), false)),
    /** The family name part of a composed name, for a guardian sharing it. */
    familyOf: (n: InventedName) => ({ latin: n.latin.split(' ').pop()!, urdu: n.urdu.split(' ').pop()! }),
    maleGiven: () => rng.pick(maleGiven),
    femaleGiven: () => rng.pick(femaleGiven),
  };
}

/** Invented foreign names (buyers, customers and the ringleader of the demo network). */
export const foreignNames = [
  { latin: 'Joris van Meerlo', nationality: 'NL' },
  { latin: 'Aldous Pennywhistle', nationality: 'GB' },
  { latin: 'Marco Velliani', nationality: 'IT' },
  { latin: 'Torbjørn Eklundvik', nationality: 'NO' },
  { latin: 'Rafael Oquendo Sarria', nationality: 'ES' },
] as const;

/** Rank prefixes for the (invented) staff of each branch. */
export const ranks = { investigator: ['SI', 'Inspector', 'ASI'], supervisor: ['Deputy Director', 'Assistant Director'] } as const;
