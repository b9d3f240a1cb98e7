import { describe, expect, it } from 'vitest';
import { entityKey, eip55, ibanValid, luhnValid, onionKey, profileUrl } from './entity.keys.ts';

const key = (kind: Parameters<typeof entityKey>[0], value: string, platform?: string) => {
  const r = entityKey(kind, value, platform);
  return r.ok ? r.key : `!${r.reason}`;
};

describe('entityKey', () => {
  it('phones: every usual form of one number is one E.164 key', () => {
    for (const v of ['0300-1234567', '03001234567', '+92 300 1234567', '0092 300 1234567', '300 1234567']) expect(key('phone', v)).toBe('+923001234567');
    expect(key('phone', '+49 30 12345678')).toBe('+493012345678');
    expect(key('phone', 'call me')).toMatch(/^!may hold only digits/);
    expect(key('phone', '12')).toMatch(/^!not a phone number/);
  });

  it('e-mail is lower-cased; a non-address is refused', () => {
    expect(key('email', ' Some.One@Example.ORG ')).toBe('some.one@example.org');
    expect(key('email', 'someone@')).toMatch(/^!must be an e-mail/);
  });

  it('accounts: platform + handle without @, lower-case; profile URLs reduce to the same key', () => {
    expect(key('account', '@Dark_Falcon', 'Telegram')).toBe('telegram:dark_falcon');
    expect(key('account', 'dark_falcon', 'tg')).toBe('telegram:dark_falcon');
    expect(key('account', 'https://t.me/Dark_Falcon')).toBe('telegram:dark_falcon');
    expect(key('account', 'telegram:@dark_falcon')).toBe('telegram:dark_falcon');
    expect(key('account', 'www.instagram.com/some.user/')).toBe('instagram:some.user');
    expect(key('account', 'https://x.com/SomeUser')).toBe('twitter:someuser');
    expect(key('account', 'https://www.facebook.com/profile.php?id=100012345678')).toBe('facebook:100012345678');
    expect(key('account', 'https://www.tiktok.com/@some_user')).toBe('tiktok:some_user');
    expect(key('account', 'Herr_K', 'Boy Lovers Forum')).toBe('boy lovers forum:herr_k');
    expect(key('account', 'https://t.me/someone', 'facebook')).toMatch(/^!the profile URL is a telegram address/);
    expect(key('account', 'someone')).toMatch(/^!name the platform/);
    expect(key('account', 'some one', 'facebook')).toMatch(/no spaces/);
    expect(profileUrl('https://example.com/someone')).toBeNull();
  });

  it('mobile wallets: provider + E.164', () => {
    expect(key('wallet', '0300-1234567', 'JazzCash')).toBe('jazzcash:+923001234567');
    expect(key('wallet', 'Jazz Cash: 0300 1234567')).toBe('jazzcash:+923001234567');
    expect(key('wallet', '03001234567', 'Easypaisa')).toBe('easypaisa:+923001234567');
    expect(key('wallet', '03001234567')).toMatch(/^!name the wallet provider/);
    expect(key('wallet', 'abc', 'JazzCash')).toMatch(/keyed by its phone number/);
  });

  it('bank accounts: IBAN with mod-97; other numbers per bank', () => {
    expect(key('bank_account', 'PK36 SCBL 0000 0011 2345 6702')).toBe('PK36SCBL0000001123456702');
    expect(key('bank_account', 'gb82-west-1234-5698-7654-32')).toBe('GB82WEST12345698765432');
    expect(key('bank_account', 'GB82WEST12345698765433')).toMatch(/mod-97/);
    expect(key('bank_account', 'PK36SCBL00000011234567')).toMatch(/PK IBAN has 24/);
    expect(key('bank_account', '0123-4567890', 'Meezan Bank')).toBe('meezan bank:01234567890');
    expect(key('bank_account', '01234567890')).toMatch(/needs its bank/);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
  });

  it('crypto addresses: checksums of each chain', () => {
    expect(entityKey('crypto_address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toMatchObject({ ok: true, platform: 'bitcoin', key: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' });
    expect(key('crypto_address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toMatch(/^!base58check checksum/);
    expect(key('crypto_address', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toBe('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy');
    expect(key('crypto_address', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toBe('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    expect(key('crypto_address', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx')).toMatch(/bech32 address checksum/);
    expect(key('crypto_address', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toBe('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0');
    // EIP-55: lower-case key, checksummed display; a wrong mixed case is refused; all-lower is accepted.
    expect(entityKey('crypto_address', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toMatchObject({ ok: true, key: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', display: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', platform: 'ethereum' });
    expect(key('crypto_address', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toMatch(/EIP-55/);
    expect(eip55('fb6916095ca1df60bb79ce92ce3ea74c37c5d359')).toBe('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359');
    expect(entityKey('crypto_address', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'BSC')).toMatchObject({ ok: true, platform: 'bsc' });
    expect(entityKey('crypto_address', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toMatchObject({ ok: true, platform: 'tron' });
    expect(key('crypto_address', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toMatch(/checksum/);
    const xmr = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';
    expect(entityKey('crypto_address', xmr)).toMatchObject({ ok: true, key: xmr, platform: 'monero' });
    expect(key('crypto_address', `${xmr.slice(0, -1)}B`)).toMatch(/Monero address checksum/);
    expect(key('crypto_address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'ethereum')).toMatch(/bitcoin address, not ethereum/);
    expect(key('crypto_address', 'hello')).toMatch(/^!not a Bitcoin/);
  });

  it('devices: IMEI with Luhn, or serial per maker', () => {
    expect(key('device', '49-015420-323751-8')).toBe('imei:490154203237518');
    expect(key('device', 'IMEI: 490154203237518')).toBe('imei:490154203237518');
    expect(key('device', '490154203237519')).toMatch(/Luhn/);
    expect(key('device', 'r58m 12ab3cd', 'Samsung')).toBe('serial:samsung:R58M12AB3CD');
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('IP addresses canonical (RFC 5952); onion v3 lower-case with checksum', () => {
    expect(key('ip_address', '2001:DB8:0:0:0:0:2:1')).toBe('2001:db8::2:1');
    expect(key('ip_address', '2001:0db8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(key('ip_address', '::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(key('ip_address', '203.0.113.7')).toBe('203.0.113.7');
    expect(key('ip_address', '10.1')).toMatch(/^!must be an IPv4/);
    const onion = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';
    expect(key('ip_address', `http://${onion.toUpperCase()}/forum`)).toBe(onion);
    expect(onionKey(onion.replace('duck', 'duce'))).toBeNull();
  });

  it('organisations and places: NFKC, lower-case, collapsed spaces', () => {
    expect(entityKey('organisation', '  Recreational   Facility ')).toMatchObject({ ok: true, key: 'recreational facility', display: 'Recreational Facility' });
    expect(key('place', 'ＭＵＺＡＦＦＡＲＧＡＲＨ')).toBe('muzaffargarh');
    expect(key('place', '   ')).toBe('!required');
  });
});
