/**
 * Password rules for new passwords (NIST SP 800-63B leans on length; clerks share machines, so we also ask
 * for variety). Returns a Chinese explanation, or null when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少需要${MIN_PASSWORD_LENGTH}个字符`;
  if (password.length > 128) return '密码不能超过128个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
