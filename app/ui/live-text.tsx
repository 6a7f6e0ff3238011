/**
 * A paragraph that screen readers announce when its text changes: politely
 * (`status`: saved, progress) or at once (`alert`: a failure). It stays in
 * the page while empty, so the first message is announced too.
 */
export function LiveText({
  role,
  className,
  message,
}: {
  role: 'status' | 'alert';
  className: string;
  message: string | null;
}) {
  return (
    <p role={role} className={className}>
      {message ?? ''}
    </p>
  );
}
