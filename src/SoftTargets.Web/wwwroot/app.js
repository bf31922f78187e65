// Behaviour of plain HTML controls, kept out of inline handlers so that the Content-Security-Policy can forbid them.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-action="print"]')) window.print();
});

// A skip link moves the keyboard focus to its target on this page. Left to the router, "#main-content" would be
// resolved against the base address and lead to the home page.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const target = link ? document.getElementById(link.hash.slice(1)) : null;
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView();
}, true);

// The account menu's Sign out submits the top bar's sign-out form (a POST carrying its antiforgery token).
window.softTargetsSignOut = () => document.getElementById('logout')?.closest('form')?.requestSubmit();
