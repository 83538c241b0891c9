/**
 * A problem the user can fix or should be told about plainly (a conflict, a
 * rule of the domain). Routes show its message next to the form; it never
 * becomes a 500.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 410 | 422 = 400,
  ) {
    super(message);
    this.name = "UserError";
  }
}
