import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { expenseReceipts, expenseReports } from '../db/schema';
import type { Queryable } from '../db/types';
import { checkImage } from '../organisations/image-check';
import { createReport, editRefusal, lockReport, receiptCount } from './reports';

/** A receipt may be a scanned PDF or a phone photo (large, so larger limits than logos have). */
export const receiptLimits = { maxBytes: 5 * 1024 * 1024, maxSide: 12_000, minSide: 16, perReport: 30 };

export type ReceiptCheck = { ok: true; mimeType: 'application/pdf' | 'image/png' | 'image/jpeg' } | { ok: false; error: string };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** By content, never by name: a whole PDF (header and end-of-file marker), or a whole PNG or JPEG. */
export function checkReceipt(bytes: Uint8Array): ReceiptCheck {
  if (bytes.length === 0) return { ok: false, error: 'images.empty' };
  if (bytes.length > receiptLimits.maxBytes) return { ok: false, error: 'expenses.errors.receiptTooLarge' };
  if (ascii(bytes, 0, 5) === '%PDF-') {
    return ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length).includes('%%EOF') ? { ok: true, mimeType: 'application/pdf' } : { ok: false, error: 'images.truncated' };
  }
  const image = checkImage(bytes, receiptLimits);
  if (!image.ok) return { ok: false, error: image.error === 'images.notAnImage' ? 'expenses.errors.receiptType' : image.error };
  return { ok: true, mimeType: image.mimeType };
}

/** The name shown and offered on download: the last part of the path, without control or quote characters. */
export function receiptFileName(name: string, mimeType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>]/g, '').trim().slice(0, 150);
  return base || `receipt.${mimeType === 'application/pdf' ? 'pdf' : mimeType === 'image/png' ? 'png' : 'jpg'}`;
}

export type ReceiptResult = { ok: true } | { ok: false; error: string };

/**
 * Attaches a receipt while the report is written, and also while it waits for review (an audited
 * report needs receipts); a new receipt means staff check them again.
 */
export async function addReceipt(ctx: ActorContext, trainingId: string, file: { name: string; bytes: Uint8Array }): Promise<ReceiptResult> {
  const checked = checkReceipt(file.bytes);
  if (!checked.ok) return checked;
  return ctx.db.transaction(async (tx) => {
    const inTx = { db: tx, clock: ctx.clock };
    const locked = await lockReport(inTx, trainingId);
    if (!locked) return { ok: false, error: 'notFound' };
    const waiting = locked.report?.status === 'submitted';
    const refusal = waiting ? null : editRefusal(locked.training.status, locked.report?.status ?? null);
    if (refusal) return { ok: false, error: refusal };
    const report = locked.report ?? (await createReport(inTx, locked.training));
    if ((await receiptCount(tx, report.id)) >= receiptLimits.perReport) return { ok: false, error: 'expenses.errors.tooManyReceipts' };
    const fileName = receiptFileName(file.name, checked.mimeType);
    const [receipt] = await tx
      .insert(expenseReceipts)
      .values({
        reportId: report.id,
        fileName,
        mimeType: checked.mimeType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: Buffer.from(file.bytes).toString('base64'),
        uploadedBy: ctx.actor.userId,
        uploadedAt: ctx.clock.now(),
      })
      .returning({ id: expenseReceipts.id });
    await tx.update(expenseReports).set({ receiptsCheckedAt: null, receiptsCheckedBy: null }).where(eq(expenseReports.id, report.id));
    await writeAudit(tx, ctx.clock, { action: 'expenseReport.receiptAdded', actorUserId: ctx.actor.userId, targetType: 'expenseReport', targetId: report.id, organisationId: locked.training.organisationId, details: { receiptId: receipt!.id, fileName, sizeBytes: file.bytes.length } });
    return { ok: true };
  });
}

/** Removes a receipt while the report is still being written (not once it waits for review). */
export async function removeReceipt(ctx: ActorContext, trainingId: string, receiptId: string): Promise<ReceiptResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockReport({ db: tx, clock: ctx.clock }, trainingId);
    if (!locked?.report) return { ok: false, error: 'notFound' };
    const refusal = editRefusal(locked.training.status, locked.report.status);
    if (refusal) return { ok: false, error: refusal };
    const removed = await tx.delete(expenseReceipts).where(and(eq(expenseReceipts.id, receiptId), eq(expenseReceipts.reportId, locked.report.id))).returning({ fileName: expenseReceipts.fileName });
    if (!removed.length) return { ok: false, error: 'notFound' };
    await writeAudit(tx, ctx.clock, { action: 'expenseReport.receiptRemoved', actorUserId: ctx.actor.userId, targetType: 'expenseReport', targetId: locked.report.id, organisationId: locked.training.organisationId, details: { receiptId, fileName: removed[0]!.fileName } });
    return { ok: true };
  });
}

/** A receipt of the training's report, to download. */
export async function readReceipt(db: Queryable, trainingId: string, receiptId: string) {
  const [row] = await db
    .select({ fileName: expenseReceipts.fileName, mimeType: expenseReceipts.mimeType, content: expenseReceipts.content })
    .from(expenseReceipts)
    .innerJoin(expenseReports, eq(expenseReports.id, expenseReceipts.reportId))
    .where(and(eq(expenseReceipts.id, receiptId), eq(expenseReports.trainingId, trainingId)));
  return row ? { fileName: row.fileName, mimeType: row.mimeType, bytes: Buffer.from(row.content, 'base64') } : null;
}
