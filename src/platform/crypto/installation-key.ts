import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readOrCreateKeyFile } from './key-files.ts';

// The installation's own Ed25519 key: it signs what leaves this installation or must be checked without
// trusting the database (audit checkpoints, case bundles). The private key is a PEM file in the key folder
// (created once), or AMAAN_SIGNING_KEY (a PKCS#8 PEM, base64 of it, for deployments that inject secrets).
export interface InstallationKey {
  /** First 16 hex characters of the SHA-256 of the public key (SPKI DER): names the signer. */
  keyId: string;
  publicKeyPem: string;
  sign(data: Buffer | string): string;
}

export const SIGNING_KEY_FILE = 'installation-ed25519.pem';

export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function installationKeyFrom(privateKeyPem: string): InstallationKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: publicKeyId(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data) => sign(null, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
}

/** AMAAN_SIGNING_KEY when configured (PEM or base64 of the PEM), else the key file in the key folder. */
export function loadInstallationKey(keyDir: string, configured?: string): InstallationKey {
  if (configured) {
    const pem = configured.includes('BEGIN') ? configured : Buffer.from(configured, 'base64').toString('utf8');
    return installationKeyFrom(pem);
  }
  const pem = readOrCreateKeyFile(keyDir, SIGNING_KEY_FILE, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return installationKeyFrom(pem);
}

/** Checks an Ed25519 signature (base64) by a public key (SPKI PEM); false for anything malformed. */
export function verifySignature(publicKeyPem: string, data: Buffer | string, signature: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
