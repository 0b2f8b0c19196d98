/** @jsxImportSource @/lib/site/html */
// The page a version has for a definition or module it lacks but another
// version of the site has (lib/site/absent.ts): where the version switcher
// lands instead of a 404. Says which versions have it, since when, and links there.
import type { AbsentDefinition, AbsentModule, Presence } from '@/lib/site/absent';
import type { SiteSchema } from '@/lib/site/site-schema';
import { kindLabel } from '@/lib/site/format';
import { homePath, indexPath, withBase } from '@/lib/site/href';

function Where({ presentIn }: { presentIn: Presence[] }) {
  const sinces = new Set(presentIn.map((p) => p.since));
  const oneSince = sinces.size === 1 ? presentIn[0]!.since : undefined;
  return (
    <>
      {presentIn.map((p, i) => (
        <>
          {i === 0 ? '' : i === presentIn.length - 1 ? ' and ' : ', '}
          <a href={withBase(p.href)}>{p.label}</a>
          {!oneSince && p.since && ` (since ${p.since})`}
        </>
      ))}
      {oneSince && `, since ${oneSince}`}
    </>
  );
}

export function AbsentPage({ site, absent }: { site: SiteSchema; absent: AbsentDefinition | AbsentModule }) {
  const isModule = absent.absent === 'module';
  const name = isModule ? absent.title : absent.name;
  const kind = isModule ? 'Module' : kindLabel(absent.meta);
  return (
    <article className="absent-page" data-absent={absent.absent}>
      <p className="kicker">
        <span className={`kind kind-${isModule ? 'module' : absent.meta}`}>{kind}</span>
      </p>
      <h1>{isModule ? name : <code>{name}</code>}</h1>
      <p className="absent-where">
        {isModule ? name : <code>{name}</code>} is not in {site.label}; it is in <Where presentIn={absent.presentIn} />.
      </p>
      <p className="muted">
        See what {site.label} has: <a href={withBase(indexPath(site.prefix))}>all its definitions</a>, or{' '}
        <a href={withBase(homePath(site.prefix))}>its events</a>; or search (press <kbd>/</kbd>).
      </p>
    </article>
  );
}
