/**
 * Text typed into a text area before the page's scripts ran survives
 * hydration. React, when it hydrates a <textarea>, sets its value back to
 * the text the server rendered (an input it leaves alone), so a member on a
 * slow connection who starts writing at once would lose it. entry.client
 * starts noting such text before hydrating; the root puts it back once every
 * component's first effects ran (so the unsaved-changes guard, listening by
 * then, counts it), as typing would: with an input event.
 */
const typed = new Map<HTMLTextAreaElement, string>()

function note(area: HTMLTextAreaElement) {
	if (area.value !== area.defaultValue) typed.set(area, area.value)
	else typed.delete(area)
}

function onInput(event: Event) {
	if (event.target instanceof HTMLTextAreaElement) note(event.target)
}

/** Before hydrating: the text areas whose text differs from what the page came with, and as it changes. */
export function noteEarlyTyping() {
	document.querySelectorAll('textarea').forEach(note)
	document.addEventListener('input', onInput, true)
}

/** After hydration (the root's first effect): what React set back is typed in again. */
export function restoreEarlyTyping() {
	document.removeEventListener('input', onInput, true)
	for (const [area, value] of typed) {
		if (!area.isConnected || area.value === value) continue
		area.value = value
		area.dispatchEvent(new Event('input', { bubbles: true }))
	}
	typed.clear()
}
