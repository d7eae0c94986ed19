/** Emails greet by first name only: nothing more of the person travels through mail servers. */
export function firstName(name: string) {
  return name.trim().split(/\s+/)[0] ?? ''
}
