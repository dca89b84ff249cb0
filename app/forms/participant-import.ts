/** The columns of a participant import, in this order (a first row of headings is skipped); shared with the form's instructions. */
export const csvColumns = ['name', 'email', 'birthYear', 'municipality', 'gender', 'firstTimeThisYear'] as const;
export const maxImportRows = 500;
