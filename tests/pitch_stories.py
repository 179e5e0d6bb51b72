"""Complete achievements (STAR) of the fictional candidates of tests/factories.py, as the pitch
writer and the achievements bank take them."""

from __future__ import annotations

from typing import Any

from jobs.pitches.request import Story

EN_STORIES: list[dict[str, Any]] = [
    {
        "title": "Faster parcel tracking",
        "situation": "Customers complained that the parcel tracking pages were slow at peak time.",
        "task": "I had to make tracking fast again before the holiday season.",
        "action": "I profiled the tracking API and added Redis caching in front of PostgreSQL.",
        "result": "Cut API latency by 35% with Redis caching, before the holiday season.",
        "skills": ["Redis", "PostgreSQL"],
    },
    {
        "title": "Growing the junior developers",
        "situation": "Our team hired four junior developers in the same quarter.",
        "task": "I was asked to get them shipping code to production quickly.",
        "action": "I paired with each of them every week and wrote a guide to our services.",
        "result": "Mentored 4 junior developers: all of them shipped to production in 11 weeks.",
        "skills": ["Python"],
    },
    {
        "title": "Safer payments",
        "situation": "Payment releases at Beta Bank often broke existing features.",
        "task": "I wanted every change to the payment APIs tested before release.",
        "action": "I introduced automated tests and continuous integration for the Django code.",
        "result": "Releases of the payment APIs stopped breaking existing features.",
        "skills": ["Django"],
    },
]

FR_STORIES: list[dict[str, Any]] = [
    {
        "title": "Refonte du site d'un client",
        "situation": "Le site d'un client de l'agence perdait des visiteurs chaque mois.",
        "task": "Je devais piloter sa refonte sans dépasser le budget prévu.",
        "action": "J'ai animé les ateliers avec le client et organisé le travail en méthode Scrum.",
        "result": "Le nouveau site a été livré dans les temps et dans le budget.",
        "skills": ["Scrum"],
    },
    {
        "title": "Un portefeuille de projets",
        "situation": "L'agence menait beaucoup de projets web en parallèle.",
        "task": "Je devais garder chaque projet dans son planning.",
        "action": "J'ai suivi tous les projets dans Jira avec un point hebdomadaire.",
        "result": "J'ai piloté 12 projets web en méthode Scrum sur l'année.",
        "skills": ["Jira"],
    },
    {
        "title": "Un budget tenu",
        "situation": "Le budget annuel de l'agence était souvent dépassé.",
        "task": "Je devais gérer un budget annuel de 400 k€.",
        "action": "J'ai mis en place un suivi mensuel des dépenses avec chaque équipe.",
        "result": "Le budget annuel de 400 k€ a été tenu.",
        "skills": [],
    },
]


def stories(language: str) -> tuple[Story, ...]:
    rows = EN_STORIES if language == "en" else FR_STORIES
    return tuple(
        Story(
            title=r["title"],
            situation=r["situation"],
            task=r["task"],
            action=r["action"],
            result=r["result"],
            skills=tuple(r["skills"]),
        )
        for r in rows
    )
