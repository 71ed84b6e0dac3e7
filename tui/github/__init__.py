"""Everything that talks HTTP to GitHub: the client, its disk cache, the rate-limit budget, auth.

Start at ``client.GitHubClient`` (endpoints), ``fetch.Fetcher`` (cache, budget, retries,
coalescing), ``settings.ClientSettings`` (base URLs) and ``auth.discover_token``.
"""
