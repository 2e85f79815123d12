/**
 * What a reading page does with JavaScript although it ships none
 * (app/ui/hydration.ts): a few lines inline, under the page's CSP nonce,
 * rendered by the component that needs them, instead of React and a bundle.
 * Each starts from markup that is inert without it (a <template>, so no dead
 * button is ever shown or found) and does nothing where the browser lacks
 * what it needs.
 *
 * Copy link (app/ui/share-links.tsx): where the clipboard API exists, each
 * `<template data-enhance="copy-link">` becomes its button, which copies
 * `data-url` and says `data-copied` or `data-failed` in its status.
 */
export const COPY_LINK_SCRIPT = `(function () {
	if (!navigator.clipboard) return
	document.querySelectorAll('template[data-enhance="copy-link"]').forEach(function (template) {
		var item = template.content.firstElementChild.cloneNode(true)
		var button = item.querySelector('button')
		var status = item.querySelector('[role="status"]')
		button.addEventListener('click', function () {
			navigator.clipboard.writeText(button.dataset.url).then(
				function () { status.textContent = button.dataset.copied },
				function () { status.textContent = button.dataset.failed }
			)
		})
		template.replaceWith(item)
	})
})()`
