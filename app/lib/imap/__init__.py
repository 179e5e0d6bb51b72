"""Reading a mailbox over IMAP: the client (``fetch``) and the bounded MIME reader (``message``)."""
