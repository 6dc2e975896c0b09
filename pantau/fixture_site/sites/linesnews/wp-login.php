<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk - LinesNews</title>
<link rel="canonical" href="__BASE__/wp-login.php">
<link rel="alternate" type="application/rss+xml" title="LinesNews Feed" href="__BASE__/feed/">
<link rel="stylesheet" href="/assets/css/style.min.css">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
</head>
<body class="post-template-default single single-post wp-theme">
<header class="site-header"><div class="logo"><a href="__BASE__/">LinesNews</a></div><nav class="main-nav"><ul><li><a href="/category/berita/">Berita</a></li><li><a href="/category/politik/">Politik</a></li><li><a href="/indeks/">Indeks</a></li></ul></nav><form class="search" action="/search"><input name="q" placeholder="Cari berita"></form></header>
<main id="main">
<div class="static-page"><h1>Masuk</h1>
<p>Silakan masuk untuk mengelola akun Anda.</p><form method="post"><input name="log"><input type="password" name="pwd"><button>Masuk</button></form></div>
</main>
<footer class="site-footer"><div class="footer-widgets"><h4>Tentang LinesNews</h4><p>Media siber lokal Bangka Belitung.</p><form method="post"><input name="log"><input type="password" name="pwd"><button>Masuk</button></form></div><p class="copyright">Copyright &copy; 2024 LinesNews. All Rights Reserved.</p><ul><li><a href="/tentang-kami/">Tentang Kami</a></li><li><a href="/wp-login.php">Masuk</a></li></ul></footer>
<script src="/assets/js/app.min.js"></script>
</body>
</html>
