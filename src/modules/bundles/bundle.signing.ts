import { createPublicKey } from 'node:crypto';
import type { Config } from '../../platform/config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { canonicalJson } from '../../platform/audit/audit.ts';
import { loadInstallationKey, publicKeyId, verifySignature, type InstallationKey } from '../../platform/crypto/installation-key.ts';
import { AppError } from '../../platform/http/errors.ts';

// Case bundles are signed by the exporting installation's Ed25519 key over the canonical JSON of the whole
// bundle (every field but the signature itself). On import the signature must verify AND the signer must be
// this installation or one an administrator trusts (trusted_installations, `amaan keys trust add`): an
// unsigned, altered or unknown-signer bundle is refused before anything is written.
export interface BundleSignature {
  algorithm: 'ed25519';
  /** First 16 hex digits of the SHA-256 of the signer's public key (SPKI DER). */
  keyId: string;
  /** The signer's public key (SPKI PEM), so a receiving administrator can compare and trust it. */
  publicKey: string;
  /** Base64 Ed25519 signature over signedBytes(bundle). */
  value: string;
}

/** Why a bundle's signature was refused: 400 naming the signature field; the CLI exits 4. */
export class BundleSignatureError extends AppError {
  constructor(field: string, message: string) {
    super('validation_failed', `${field}: ${message}`, [{ field, message }]);
  }
}

const keys = new Map<string, InstallationKey>();
/** This installation's signing key (AMAAN_SIGNING_KEY, or the key file in the key folder), loaded once. */
export function installationKeyOf(config: Pick<Config, 'keyDir' | 'signingKey'>): InstallationKey {
  const cacheKey = config.signingKey ? `env:${config.signingKey}` : `dir:${config.keyDir}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = loadInstallationKey(config.keyDir, config.signingKey);
    keys.set(cacheKey, key);
  }
  return key;
}

/** The bytes signed: canonical JSON of the bundle without its signature. */
export function signedBytes(bundle: Record<string, unknown>): Buffer {
  const { signature: _ignored, ...rest } = bundle;
  return Buffer.from(canonicalJson(rest), 'utf8');
}

export function signBundle<T extends Record<string, unknown>>(key: InstallationKey, bundle: T): T & { signature: BundleSignature } {
  const signature: BundleSignature = { algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKeyPem, value: key.sign(signedBytes(bundle)) };
  return { ...bundle, signature };
}

/** The key id of a public key PEM, or null when it is not an Ed25519 public key. */
export function keyIdOfPublicKey(pem: string): string | null {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return publicKeyId(key);
  } catch {
    return null;
  }
}

export interface Signer {
  keyId: string;
  /** 'this installation' or the trusted installation's name. */
  name: string;
}

/**
 * Checks the signature of a raw bundle (as received, before anything else is read from it) against this
 * installation's key and the trusted installations. Throws BundleSignatureError naming the problem.
 */
export async function verifyBundleSignature(db: Db | Tx, config: Pick<Config, 'keyDir' | 'signingKey'>, raw: Record<string, unknown>): Promise<Signer> {
  const sig = raw.signature as Partial<BundleSignature> | undefined;
  if (sig === undefined || sig === null) throw new BundleSignatureError('signature', 'the bundle is not signed: only bundles signed by this installation or a trusted one are imported');
  if (typeof sig !== 'object' || sig.algorithm !== 'ed25519' || typeof sig.keyId !== 'string' || typeof sig.publicKey !== 'string' || typeof sig.value !== 'string') {
    throw new BundleSignatureError('signature', 'not an Ed25519 bundle signature {algorithm, keyId, publicKey, value}');
  }
  const claimed = keyIdOfPublicKey(sig.publicKey);
  if (claimed === null || claimed !== sig.keyId) throw new BundleSignatureError('signature.keyId', 'does not name the public key given with the signature');
  // The signer is looked up by key id; the key that verifies is OURS (own or trusted), never the one in the bundle.
  const own = installationKeyOf(config);
  let signer: Signer & { publicKeyPem: string };
  if (sig.keyId === own.keyId) {
    signer = { keyId: own.keyId, name: 'this installation', publicKeyPem: own.publicKeyPem };
  } else {
    const trusted = await db.selectFrom('trusted_installations').select(['key_id', 'name', 'public_key_pem']).where('key_id', '=', sig.keyId).executeTakeFirst();
    if (!trusted) {
      throw new BundleSignatureError('signature.keyId', `signed by installation ${sig.keyId}, which this installation does not trust; an administrator can add its public key (amaan keys trust add, or Administration → Trusted installations) after checking the key id with the sender`);
    }
    signer = { keyId: trusted.key_id, name: trusted.name, publicKeyPem: trusted.public_key_pem };
  }
  if (!verifySignature(signer.publicKeyPem, signedBytes(raw), sig.value)) {
    throw new BundleSignatureError('signature', `does not match the content: the bundle was altered after ${signer.name} (${signer.keyId}) signed it`);
  }
  return { keyId: signer.keyId, name: signer.name };
}
