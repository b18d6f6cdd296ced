import { useRef } from 'react';
import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from './paths.ts';
import { useStickyHeaderHeight } from './useStickyHeaderHeight.ts';

/** The frame of every page: brand, navigation, language switch, then the page itself. */
export function Layout() {
  const { t } = useI18n();
  const headerRef = useRef<HTMLElement>(null);
  useStickyHeaderHeight(headerRef);
  const navClass = ({ isActive }: { isActive: boolean }) => `site-nav__link${isActive ? ' site-nav__link--active' : ''}`;
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header ref={headerRef} className="site-header">
        <div className="site-header__inner">
          <NavLink to={paths.find()} className="brand">
            <span className="brand__mark" aria-hidden="true">
              ◐
            </span>
            <span className="brand__name">{t.app.name}</span>
          </NavLink>
          <nav className="site-nav" aria-label={t.app.navLabel}>
            <NavLink to={paths.find()} end className={navClass}>
              {t.app.nav.find}
            </NavLink>
            <NavLink to={paths.reservations()} className={navClass}>
              {t.app.nav.reservations}
            </NavLink>
            <NavLink to={paths.manage()} className={navClass}>
              {t.app.nav.manage}
            </NavLink>
            <NavLink to={paths.settings()} className={navClass}>
              {t.app.nav.settings}
            </NavLink>
            <NavLink to={paths.messages()} className={navClass}>
              {t.app.nav.messages}
            </NavLink>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t.app.footer}</p>
        <p>
          <NavLink to={paths.cancel()}>{t.app.cancelLink}</NavLink>
        </p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
