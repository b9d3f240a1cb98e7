// Words for invented case titles, shared by `amaan generate` and the spine benchmark (bench/spine-data.ts).
export const caseSubjects = [
  'Sextortion of a minor', 'Abuse material shared', 'Online grooming of a child', 'Live-streamed abuse', 'Bank account fraud', 'Fake investment app',
  'Harassment of a journalist', 'Cyber stalking', 'Impersonation of an official', 'Trafficking lure', 'Blackmail with images', 'Phishing ring',
];

export const caseChannels = ['via gaming chat', 'on a video app', 'in a messaging channel', 'through a cloud link', 'on social media', 'by SMS', 'on a dating app', 'on a forum', 'via e-mail', 'through a marketplace'];

/** Platforms of invented accounts (keys as entity.keys.ts writes them). */
export const accountPlatforms = ['facebook', 'instagram', 'tiktok', 'telegram', 'snapchat', 'twitter', 'youtube', 'discord'];
