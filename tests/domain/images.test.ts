import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { images } from '../../server/db/schema';
import { checkImage } from '../../server/organisations/image-check';
import { getImage, saveImage } from '../../server/organisations/images';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, organisationIdByName } from '../support/demo';
import { makeJpegFrame, makePng } from '../../server/organisations/sample-images';

describe('checking an uploaded image by its content', () => {
  it('accepts PNG and JPEG and reads their size', () => {
    expect(checkImage(makePng(300, 120))).toEqual({ ok: true, mimeType: 'image/png', width: 300, height: 120 });
    expect(checkImage(makeJpegFrame(640, 480))).toEqual({ ok: true, mimeType: 'image/jpeg', width: 640, height: 480 });
  });

  it.each([
    ['a zero-byte file', new Uint8Array(), 'images.empty'],
    ['SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'images.notAnImage'],
    ['an executable renamed .png', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'images.notAnImage'],
    ['a truncated PNG', makePng(300, 120).slice(0, 60), 'images.truncated'],
    ['a truncated JPEG', makeJpegFrame(640, 480).slice(0, 20), 'images.truncated'],
    ['a PNG too wide', makePng(4001, 16), 'images.badDimensions'],
    ['a PNG too small', makePng(8, 8), 'images.badDimensions'],
    ['a file over 2 MB', new Uint8Array(2 * 1024 * 1024 + 1).fill(0x89), 'images.tooLarge'],
  ])('refuses %s', (_, bytes, error) => {
    expect(checkImage(bytes)).toEqual({ ok: false, error });
  });
});

describe('storing logos and signatures', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it('keeps exactly one logo: a new upload replaces the old', async () => {
    const organisationId = await organisationIdByName(handle.db, demoOrgA);
    const ctx = { db: handle.db, clock: new AdjustableClock(), actor: await actorByEmail(handle.db, 'paakayttaja@kll.example') };
    const upload = (bytes: Uint8Array, kind: 'logo' | 'signature' = 'logo') =>
      saveImage(ctx, { ownerKey: organisationId, organisationId, kind, bytes, signerName: 'Kaija Kuvitelma', signerTitle: 'puheenjohtaja' });
    expect(await upload(makePng(100, 50))).toEqual({ ok: true });
    expect(await upload(makePng(200, 80))).toEqual({ ok: true });
    expect(await upload(makePng(120, 40), 'signature')).toEqual({ ok: true });
    const rows = await handle.db.select({ kind: images.kind, width: images.width }).from(images);
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'logo', width: 200 },
      { kind: 'signature', width: 120 },
    ]);
    expect((await getImage(ctx, organisationId, 'signature'))!.signerTitle).toBe('puheenjohtaja');
    expect((await getImage(ctx, organisationId, 'logo'))!.signerName).toBe('');
    expect(await upload(new Uint8Array())).toEqual({ ok: false, error: 'images.empty' });
    expect((await getImage(ctx, organisationId, 'logo'))!.width).toBe(200);
  });
});
