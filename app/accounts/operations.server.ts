/**
 * The one door to accounts: every operation that changes an account is a
 * function here, and does its whole job in one database transaction,
 * audit event included (a failure anywhere leaves nothing changed). Routes
 * parse the request, call one of these, and render. Page reads are in
 * pages.server.ts.
 *
 *   sign-in.server.ts    signIn, signOut, signOutOtherSessions, signOutEverywhere
 *   passwords.server.ts  changePassword, requestPasswordReset(InBackground), resetPassword
 *   members.server.ts    invite, revokeInvitation, resendInvitation, invitationLink, acceptInvitation,
 *                        changeRole, deactivateUser, reactivateUser, updateProfile
 */
export { signIn, signOut, signOutEverywhere, signOutOtherSessions, type Member, type SignInResult } from './sign-in.server.ts'
export {
	changePassword,
	requestPasswordReset,
	requestPasswordResetInBackground,
	resetPassword,
	type ChangePasswordResult,
	type ResetPasswordResult,
} from './passwords.server.ts'
export {
	acceptInvitation,
	changeRole,
	deactivateUser,
	invite,
	invitationLink,
	NotPermittedError,
	reactivateUser,
	resendInvitation,
	revokeInvitation,
	updateProfile,
	type AcceptInvitationResult,
	type Actor,
	type InviteResult,
} from './members.server.ts'
