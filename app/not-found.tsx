import { homePath, withBase } from '@/lib/site/href';

export default function NotFound() {
  return (
    <main className="not-found">
      <h1>Not found</h1>
      <p>
        There is no page here. Go to the <a href={withBase(homePath(''))}>home page</a> and search (press <kbd>/</kbd>).
      </p>
    </main>
  );
}
