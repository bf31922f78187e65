// Behaviour of plain HTML controls, kept out of inline handlers so that the Content-Security-Policy can forbid them.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-action="print"]')) window.print();
});
