/** Who acts, as the verified token says. Roles of DOMAIN.md. */
export type Role = 'unit' | 'finance-reviewer' | 'finance-admin' | 'evaluator' | 'auditor' | 'system';
export type Actor = Readonly<{ userId: string; role: Role; unitId?: string }>;
