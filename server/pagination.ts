export const pageSize = 50;

export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
}

export const pageOffset = (page: number) => (page - 1) * pageSize;

export function toPage<T>(rows: T[], total: number, page: number): Page<T> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
