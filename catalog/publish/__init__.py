"""Stage 5, publish: built sites → an intranet web server's deployment root.

Receives a site that ``catalog build`` wrote (a folder with its ``.catalog-site``
marker), the edition it was built for, and a deployment root that is ours (a
``.catalog-deploy`` marker) or empty. Returns nothing but what it leaves on disk:

- ``releases``: ``ROOT/<edition>/releases/<id>/``, one per deploy, copied in (hard links
  where possible; the built site is never modified), then made live in one step by a
  symlink ``ROOT/<edition>/current`` renamed over the old one; rollback and pruning.
- ``users``: the bcrypt htpasswd file ``ROOT/users.htpasswd`` of the restricted edition.
- ``server``: the nginx site configuration (and an Apache 2.4 alternative) that serves
  ``public`` at ``/`` and ``restricted`` behind basic authentication at ``/noi-bo/``.

Its one rule: it never stores a passphrase or a password in clear — only bcrypt hashes,
and a password reaches it from a prompt or an environment variable, never from a
command-line argument or a file.
"""

from catalog.errors import CatalogError


class DeployError(CatalogError):
    """A deploy, rollback or user change that could not be done; nothing was changed."""
